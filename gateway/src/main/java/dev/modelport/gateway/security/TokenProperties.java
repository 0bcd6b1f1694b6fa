package dev.modelport.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
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
 * @param verifiedTokenTtl a token that passed every check is trusted again this long (never past
 *        its {@code exp}); 0 checks every request in full
 * @param verifiedTokenMax how many verified tokens are remembered at most; 0 turns the memory off
 */
@Validated
@ConfigurationProperties("modelport.gateway.security")
record TokenProperties(@NotBlank String issuerUri, @NotBlank String jwkSetUri,
        @DefaultValue("modelport") @NotBlank String audience,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("10s") Duration jwksRefreshInterval,
        @DefaultValue("5m") Duration jwksMaxAge,
        @DefaultValue("30s") Duration verifiedTokenTtl,
        @DefaultValue("10000") @PositiveOrZero long verifiedTokenMax) {

    TokenProperties {
        if (verifiedTokenTtl.isNegative()) {
            throw new IllegalArgumentException("modelport.gateway.security.verified-token-ttl can't be negative (0 turns the cache off)");
        }
    }

    boolean cachesVerifiedTokens() {
        return !verifiedTokenTtl.isZero() && verifiedTokenMax > 0;
    }
}
