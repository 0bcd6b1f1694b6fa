package dev.modelport.model.workers;

import dev.modelport.support.security.Reach;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.netflix.eureka.EurekaServiceInstance;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/workers}: every model-service instance Eureka knows, its status, and what it has
 * loaded; a model-limited caller sees only its own models in {@code loaded}.
 */
@RestController
class WorkersController {

    private final DiscoveryClient discovery;

    WorkersController(DiscoveryClient discovery) {
        this.discovery = discovery;
    }

    /** One worker. */
    record Worker(String instanceId, String uri, String status, List<LoadedModel> loaded) {
    }

    record LoadedModel(String model, int version) {
    }

    @GetMapping("/api/workers")
    List<Worker> workers(@AuthenticationPrincipal Jwt jwt) {
        Reach caller = Reach.of(jwt);
        return discovery.getInstances("model-service").stream()
                .map(instance -> worker(instance, caller))
                .sorted(Comparator.comparing(Worker::instanceId))
                .toList();
    }

    private static Worker worker(ServiceInstance instance, Reach caller) {
        String status = instance instanceof EurekaServiceInstance eureka
                ? eureka.getInstanceInfo().getStatus().name() : "UP";
        String loaded = instance.getMetadata().getOrDefault(LoadedVersionsPublisher.METADATA_KEY, "");
        List<LoadedModel> models = Arrays.stream(loaded.split(","))
                .filter(entry -> entry.contains(":"))
                .map(entry -> new LoadedModel(entry.substring(0, entry.lastIndexOf(':')),
                        Integer.parseInt(entry.substring(entry.lastIndexOf(':') + 1))))
                .filter(model -> caller.covers(model.model()))
                .toList();
        return new Worker(instance.getInstanceId(), instance.getUri().toString(), status, models);
    }
}
