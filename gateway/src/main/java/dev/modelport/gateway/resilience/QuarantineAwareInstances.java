package dev.modelport.gateway.resilience;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** The discovered instances without the quarantined ones; all of them if every one is quarantined. */
class QuarantineAwareInstances extends DelegatingServiceInstanceListSupplier {

    private final InstanceQuarantine quarantine;

    QuarantineAwareInstances(ServiceInstanceListSupplier delegate, InstanceQuarantine quarantine) {
        super(delegate);
        this.quarantine = quarantine;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().map(instances -> {
            List<ServiceInstance> healthy = instances.stream().filter(instance -> !quarantine.isQuarantined(instance)).toList();
            return healthy.isEmpty() ? instances : healthy;
        });
    }
}
