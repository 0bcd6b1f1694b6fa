package dev.modelport.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import jakarta.validation.Validation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The circuit-breaker settings in force, changed by a config refresh without a restart. The
 * properties record is immutable, so a refresh binds and validates a new one (an invalid change
 * is logged and the old settings stay); then every existing breaker and time limiter is replaced
 * by one with the new settings (a replaced breaker starts closed, with an empty window), and
 * breakers created later get them too.
 */
public class LiveBreakerSettings {

    private static final Logger log = LoggerFactory.getLogger(LiveBreakerSettings.class);
    static final String PREFIX = "modelport.gateway.resilience";

    private final Environment environment;
    private final Validator validator = new SpringValidatorAdapter(
            Validation.buildDefaultValidatorFactory().getValidator());
    private volatile ResilienceProperties current;
    private ReactiveResilience4JCircuitBreakerFactory factory;

    LiveBreakerSettings(ResilienceProperties initial, Environment environment) {
        this.current = initial;
        this.environment = environment;
    }

    ResilienceProperties current() {
        return current;
    }

    /** Seconds a client should wait when an open breaker refused it: the breaker's open time. */
    public long retryAfterSeconds() {
        return current.openStateWait().toSeconds();
    }

    void configure(ReactiveResilience4JCircuitBreakerFactory breakers) {
        this.factory = breakers;
        breakers.configureDefault(id -> configuration(id, current));
    }

    static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration configuration(String id,
            ResilienceProperties properties) {
        return new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breakerConfig(id, properties))
                .timeLimiterConfig(timeLimiterConfig(id, properties))
                .build();
    }

    static CircuitBreakerConfig breakerConfig(String id, ResilienceProperties properties) {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openStateWait())
                .slowCallDurationThreshold(properties.slowCallDurationOf(id))
                .slowCallRateThreshold(properties.slowCallRateThreshold())
                .permittedNumberOfCallsInHalfOpenState(properties.halfOpenCalls())
                .build();
    }

    static TimeLimiterConfig timeLimiterConfig(String id, ResilienceProperties properties) {
        return TimeLimiterConfig.custom().timeoutDuration(properties.timeLimitOf(id)).build();
    }

    @EventListener
    void onEnvironmentChange(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(PREFIX))) {
            return;
        }
        ResilienceProperties changed;
        try {
            BindHandler validated = new ValidationBindHandler(validator);
            changed = Binder.get(environment).bindOrCreate(PREFIX, Bindable.of(ResilienceProperties.class), validated);
        } catch (RuntimeException e) {
            log.warn("kept the old circuit-breaker settings: {}", e.getMessage());
            return;
        }
        current = changed;
        if (factory != null) {
            replaceBreakers(factory.getCircuitBreakerRegistry(), factory.getTimeLimiterRegistry());
        }
        log.info("circuit-breaker settings now {}", changed);
    }

    private void replaceBreakers(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters) {
        List<String> names = breakers.getAllCircuitBreakers().stream().map(breaker -> breaker.getName()).toList();
        for (String name : names) {
            ResilienceProperties settings = current;
            factory.configure(builder -> builder.circuitBreakerConfig(breakerConfig(name, settings))
                    .timeLimiterConfig(timeLimiterConfig(name, settings)), name);
            // replaced in the registries, so a route whose filter still holds the old settings gets the new ones
            breakers.remove(name);
            breakers.circuitBreaker(name, breakerConfig(name, settings));
            timeLimiters.remove(name);
            timeLimiters.timeLimiter(name, timeLimiterConfig(name, settings));
        }
    }
}
