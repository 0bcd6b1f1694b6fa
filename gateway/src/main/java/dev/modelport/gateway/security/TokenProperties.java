package dev.modelport.gateway.security;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway checks auth-service's tokens.
 *
 * @param issuerUri the only accepted {@code iss}
 * @param jwkSetUri where auth-service publishes its keys
 * @param audience the {@code aud} a token must carry
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksRefreshInterval the JWKS is refetched for an unknown {@code kid} at most this often,
 *        so forged kids can't make the gateway hammer auth-service
 * @param jwksMaxAge a cached JWKS older than this is refetched
 */
@Validated
@ConfigurationProperties("modelport.gateway.security")
record TokenProperties(@NotBlank String issuerUri, @NotBlank String jwkSetUri,
        @DefaultValue("modelport") @NotBlank String audience,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10s") Duration jwksRefreshInterval,
        @DefaultValue("5m") Duration jwksMaxAge) {
}
