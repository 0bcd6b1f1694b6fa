package dev.modelport.gateway.resilience;

import dev.modelport.gateway.web.BreakerRetryAfter;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    BrokenConnectionRecorder brokenConnectionRecorder(InstanceQuarantine quarantine) {
        return new BrokenConnectionRecorder(quarantine);
    }

    @Bean
    LiveBreakerSettings liveBreakerSettings(ResilienceProperties properties, Environment environment) {
        return new LiveBreakerSettings(properties, environment);
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeBreakers(LiveBreakerSettings settings) {
        return settings::configure;
    }

    @Bean
    BreakerRetryAfter breakerRetryAfter(LiveBreakerSettings settings) {
        return new BreakerRetryAfter(settings::retryAfterSeconds);
    }
}
