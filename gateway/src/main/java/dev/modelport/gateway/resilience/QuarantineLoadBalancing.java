package dev.modelport.gateway.resilience;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The instance list of every load-balanced service ({@code lb://model-service}, {@code lb://auth-service}):
 * discovered, cached, minus quarantined instances. Filtering after the cache, so a quarantine
 * applies at once. Registered through {@code @LoadBalancerClients}, not component scanning:
 * it lives in each service's own load-balancer context.
 */
class QuarantineLoadBalancing {

    @Bean
    ServiceInstanceListSupplier quarantineAwareInstances(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withCaching()
                .with((loadBalancerContext, delegate) ->
                        new QuarantineAwareInstances(delegate, loadBalancerContext.getBean(InstanceQuarantine.class)))
                .build(context);
    }
}
