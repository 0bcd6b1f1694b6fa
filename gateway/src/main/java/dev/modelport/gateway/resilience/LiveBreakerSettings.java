package dev.modelport.gateway.resilience;

import dev.modelport.support.refresh.LiveProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.List;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The circuit-breaker settings in force, changed by a config refresh without a restart
 * ({@link LiveProperties}: an invalid change is logged and the old settings stay); then every existing breaker and time limiter is replaced
 * by one with the new settings (a replaced breaker starts closed, with an empty window), and
 * breakers created later get them too.
 */
public class LiveBreakerSettings {

    static final String PREFIX = "modelport.gateway.resilience";

    private final LiveProperties<ResilienceProperties> settings;
    private ReactiveResilience4JCircuitBreakerFactory factory;

    LiveBreakerSettings(ResilienceProperties initial, Environment environment) {
        this.settings = new LiveProperties<>(PREFIX, ResilienceProperties.class, "circuit-breaker settings", initial,
                environment);
    }

    ResilienceProperties current() {
        return settings.current();
    }

    /** Seconds a client should wait when an open breaker refused it: the breaker's open time. */
    public long retryAfterSeconds() {
        return current().openStateWait().toSeconds();
    }

    void configure(ReactiveResilience4JCircuitBreakerFactory breakers) {
        this.factory = breakers;
        breakers.configureDefault(id -> configuration(id, current()));
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
        settings.refresh(event.getKeys()).ifPresent(changed -> {
            if (factory != null) {
                replaceBreakers(changed, factory.getCircuitBreakerRegistry(), factory.getTimeLimiterRegistry());
            }
        });
    }

    private void replaceBreakers(ResilienceProperties settings, CircuitBreakerRegistry breakers,
                                 TimeLimiterRegistry timeLimiters) {
        List<String> names = breakers.getAllCircuitBreakers().stream().map(breaker -> breaker.getName()).toList();
        for (String name : names) {
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
