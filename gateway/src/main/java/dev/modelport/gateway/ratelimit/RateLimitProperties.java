package dev.modelport.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request quotas per client tier (the token's {@code tier} claim): a token bucket of
 * {@code burst} requests refilled at {@code requests-per-second}.
 *
 * @param defaultTier the tier of a token without one, or with a tier not configured here
 */
@Validated
@ConfigurationProperties(RateLimitProperties.PREFIX)
record RateLimitProperties(@DefaultValue("standard") @NotBlank String defaultTier,
        @Valid Map<String, TierLimit> tiers) {

    static final String PREFIX = "modelport.gateway.rate-limit";

    RateLimitProperties {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    }

    record TierLimit(@Min(1) int requestsPerSecond, @Min(1) int burst) {
    }

    TierLimit limitOf(String tier) {
        TierLimit limit = tier == null ? null : tiers.get(tier);
        if (limit == null) {
            limit = tiers.get(defaultTier);
        }
        return limit != null ? limit : new TierLimit(50, 100);
    }
}
