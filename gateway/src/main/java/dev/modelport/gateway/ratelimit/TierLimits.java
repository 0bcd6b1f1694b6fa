package dev.modelport.gateway.ratelimit;

import dev.modelport.support.refresh.LiveProperties;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The current tier limits, read per request. A config refresh (the config server's or
 * {@code /actuator/refresh}) binds new ones; an invalid change is logged and the old limits stay.
 */
class TierLimits {

    private final LiveProperties<RateLimitProperties> limits;

    TierLimits(RateLimitProperties initial, Environment environment) {
        this.limits = new LiveProperties<>(RateLimitProperties.PREFIX, RateLimitProperties.class, "rate limits",
                initial, environment);
    }

    RateLimitProperties.TierLimit limitOf(String tier) {
        return limits.current().limitOf(tier);
    }

    @EventListener
    void onEnvironmentChange(EnvironmentChangeEvent event) {
        limits.refresh(event.getKeys());
    }
}
