package dev.modelport.gateway.resilience;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The discovered instances without the quarantined ones and, for a retry, without those whose
 * connection broke earlier in the same exchange ({@link BrokenConnectionRecorder}). When that
 * leaves none, the untried ones even if quarantined; when every one was tried, all of them.
 */
class QuarantineAwareInstances extends DelegatingServiceInstanceListSupplier {

    private final InstanceQuarantine quarantine;

    QuarantineAwareInstances(ServiceInstanceListSupplier delegate, InstanceQuarantine quarantine) {
        super(delegate);
        this.quarantine = quarantine;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().map(instances -> usable(instances, Set.of()));
    }

    @Override
    public Flux<List<ServiceInstance>> get(Request request) {
        Set<String> failed = failedEarlier(request);
        return getDelegate().get(request).map(instances -> usable(instances, failed));
    }

    private List<ServiceInstance> usable(List<ServiceInstance> instances, Set<String> failed) {
        List<ServiceInstance> untried = instances.stream()
                .filter(instance -> !failed.contains(InstanceQuarantine.key(instance.getHost(), instance.getPort()))).toList();
        List<ServiceInstance> healthy = untried.stream().filter(instance -> !quarantine.isQuarantined(instance)).toList();
        if (!healthy.isEmpty()) {
            return healthy;
        }
        return untried.isEmpty() ? instances : untried;
    }

    private static Set<String> failedEarlier(Request request) {
        if (request != null && request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null) {
            Map<String, Object> attributes = context.getClientRequest().getAttributes();
            if (attributes != null && attributes.get(BrokenConnectionRecorder.FAILED_INSTANCES) instanceof Set<?> failed) {
                return Set.copyOf(failed.stream().map(String::valueOf).toList());
            }
        }
        return Set.of();
    }
}
