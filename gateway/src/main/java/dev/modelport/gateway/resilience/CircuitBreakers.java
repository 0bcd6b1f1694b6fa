package dev.modelport.gateway.resilience;

import dev.modelport.gateway.web.BreakerRetryAfter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configures the breakers the routes' CircuitBreaker filters create. Only failures to get an
 * answer (connection errors, timeouts) count: a worker's own 4xx/5xx answers pass through.
 * An instance that refuses connections is skipped for a while ({@link InstanceQuarantine}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResilienceProperties.class)
@LoadBalancerClients(defaultConfiguration = QuarantineLoadBalancing.class)
class CircuitBreakers {

    @Bean
    InstanceQuarantine instanceQuarantine(ResilienceProperties properties, Clock clock) {
        return new InstanceQuarantine(properties.quarantine(), clock);
    }

    @Bean
    RefusedConnectionRecorder refusedConnectionRecorder(InstanceQuarantine quarantine) {
        return new RefusedConnectionRecorder(quarantine);
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(ResilienceProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openStateWait())
                .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeLimitOf(id)).build())
                .build());
    }

    @Bean
    BreakerRetryAfter breakerRetryAfter(ResilienceProperties properties) {
        return new BreakerRetryAfter(properties.openStateWait());
    }
}
