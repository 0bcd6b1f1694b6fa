package dev.modelport.auth.server;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the authorization server's tokens say and how long they live.
 *
 * @param issuerUri the {@code iss} of every token; what resource servers are configured with
 * @param audience the {@code aud} every access token carries
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long the console's refresh tokens are valid
 */
@Validated
@ConfigurationProperties("modelport.auth")
public record AuthProperties(
        @DefaultValue("http://localhost:9000") @NotBlank String issuerUri,
        @DefaultValue("modelport") @NotBlank String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("8h") Duration refreshTokenTtl) {
}
