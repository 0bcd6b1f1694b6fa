package dev.modelport.admin.platform;

import java.util.Comparator;
import java.util.List;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.stereotype.Service;

/** What is running: every instance the registry knows, by service. */
@Service
public class PlatformServices {

    /** One running instance of a service. */
    public record RunningInstance(String service, String instanceId, String uri) {
    }

    private final DiscoveryClient discovery;

    PlatformServices(DiscoveryClient discovery) {
        this.discovery = discovery;
    }

    public List<RunningInstance> runningInstances() {
        return discovery.getServices().stream()
                .flatMap(service -> discovery.getInstances(service).stream()
                        .map(instance -> new RunningInstance(service.toLowerCase(),
                                instance.getInstanceId(), instance.getUri().toString())))
                .sorted(Comparator.comparing(RunningInstance::service).thenComparing(RunningInstance::instanceId))
                .toList();
    }
}
