package dev.modelport.auth.users;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Failed-login throttling.
 *
 * @param maxFailedLogins consecutive failures that lock a user
 * @param lockoutDuration how long the lock lasts
 */
@Validated
@ConfigurationProperties("modelport.auth")
public record LoginProperties(
        @DefaultValue("5") @Min(1) int maxFailedLogins,
        @DefaultValue("15m") Duration lockoutDuration) {
}
