package dev.modelport.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.mock.env.MockEnvironment;
import reactor.core.publisher.Mono;

class LiveBreakerSettingsTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("modelport.gateway.resilience.failure-rate-threshold", "50")
            .withProperty("modelport.gateway.resilience.time-limit", "35s");
    private final LiveBreakerSettings settings = new LiveBreakerSettings(
            new ResilienceProperties(50, 50, 20, Duration.ofSeconds(10), Duration.ofSeconds(10), Map.of(), 80, 5,
                    Duration.ofSeconds(35), Map.of(), Duration.ofSeconds(30)),
            environment);
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();
    private final ReactiveResilience4JCircuitBreakerFactory factory = new ReactiveResilience4JCircuitBreakerFactory(
            breakers, timeLimiters, null, new Resilience4JConfigurationProperties());

    @Test
    void breakersWhenConfigRefreshedThenExistingAndNewOnesUseTheNewSettings() {
        settings.configure(factory);
        assertThat(factory.create("inference").run(Mono.just("answer")).block()).isEqualTo("answer");
        assertThat(breakers.circuitBreaker("inference").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(50f);

        environment.setProperty("modelport.gateway.resilience.failure-rate-threshold", "25");
        environment.setProperty("modelport.gateway.resilience.open-state-wait", "45s");
        environment.setProperty("modelport.gateway.resilience.time-limit", "3s");
        settings.onEnvironmentChange(new EnvironmentChangeEvent(Set.of(
                "modelport.gateway.resilience.failure-rate-threshold", "modelport.gateway.resilience.open-state-wait",
                "modelport.gateway.resilience.time-limit")));

        assertThat(breakers.circuitBreaker("inference").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(25f);
        assertThat(timeLimiters.timeLimiter("inference").getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.retryAfterSeconds()).isEqualTo(45);
        factory.create("model-read").run(Mono.just("read")).block();
        assertThat(breakers.circuitBreaker("model-read").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(25f);
    }

    @Test
    void breakersWhenRefreshedToAnInvalidThresholdThenOldSettingsKept() {
        settings.configure(factory);
        factory.create("inference").run(Mono.just("answer")).block();
        environment.setProperty("modelport.gateway.resilience.failure-rate-threshold", "0");
        settings.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.gateway.resilience.failure-rate-threshold")));
        assertThat(settings.current().failureRateThreshold()).isEqualTo(50);
        assertThat(breakers.circuitBreaker("inference").getCircuitBreakerConfig().getFailureRateThreshold()).isEqualTo(50f);
    }

    @Test
    void breakersWhenUnrelatedKeysChangeThenUntouched() {
        settings.configure(factory);
        factory.create("inference").run(Mono.just("answer")).block();
        var before = breakers.circuitBreaker("inference");
        settings.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.gateway.rate-limit.tiers.free.burst")));
        assertThat(breakers.circuitBreaker("inference")).isSameAs(before);
    }
}
