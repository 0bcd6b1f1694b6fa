package dev.modelport.gateway.ratelimit;

import jakarta.validation.Validation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The current tier limits, read per request. The properties record is immutable, so a config
 * refresh (the config server's or {@code /actuator/refresh}) binds a new one; an invalid change
 * is logged and the old limits stay.
 */
class TierLimits {

    private static final Logger log = LoggerFactory.getLogger(TierLimits.class);

    private final Environment environment;
    private final Validator validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
    private volatile RateLimitProperties current;

    TierLimits(RateLimitProperties initial, Environment environment) {
        this.current = initial;
        this.environment = environment;
    }

    RateLimitProperties.TierLimit limitOf(String tier) {
        return current.limitOf(tier);
    }

    @EventListener
    void onEnvironmentChange(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(RateLimitProperties.PREFIX))) {
            return;
        }
        try {
            current = Binder.get(environment).bindOrCreate(RateLimitProperties.PREFIX,
                    Bindable.of(RateLimitProperties.class), new ValidationBindHandler(validator));
            log.info("rate limits now {}", current);
        } catch (RuntimeException e) {
            log.warn("kept the old rate limits: {}", e.getMessage());
        }
    }
}
