package dev.modelport.auth.clients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * API client settings.
 *
 * @param tiers the rate-limit tiers a client may be put in (the gateway knows their limits)
 * @param defaultTier the tier of a client created without one
 */
@Validated
@ConfigurationProperties("modelport.auth")
public record ClientProperties(
        @DefaultValue({"free", "standard", "premium"}) @NotEmpty List<String> tiers,
        @DefaultValue("standard") @NotBlank String defaultTier) {

    public ClientProperties {
        if (!tiers.contains(defaultTier)) {
            throw new IllegalArgumentException("modelport.auth.default-tier '" + defaultTier
                    + "' is not one of modelport.auth.tiers " + tiers);
        }
    }
}
