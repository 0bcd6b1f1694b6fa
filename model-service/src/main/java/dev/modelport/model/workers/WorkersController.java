package dev.modelport.model.workers;

import dev.modelport.support.security.Reach;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    /** {@code state}: "serving", or "serving, not warmed up" when its warm-up request failed (its first requests are slow). */
    record LoadedModel(String model, int version, boolean warmedUp, String state) {

        static final String SERVING = "serving";
        static final String NOT_WARMED_UP = "serving, not warmed up";

        LoadedModel(String model, int version, boolean warmedUp) {
            this(model, version, warmedUp, warmedUp ? SERVING : NOT_WARMED_UP);
        }
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
        Set<String> notWarmedUp = Set.copyOf(entries(instance, LoadedVersionsPublisher.NOT_WARMED_UP_KEY));
        List<LoadedModel> models = entries(instance, LoadedVersionsPublisher.METADATA_KEY).stream()
                .map(entry -> new LoadedModel(entry.substring(0, entry.lastIndexOf(':')),
                        Integer.parseInt(entry.substring(entry.lastIndexOf(':') + 1)), !notWarmedUp.contains(entry)))
                .filter(model -> caller.covers(model.model()))
                .toList();
        return new Worker(instance.getInstanceId(), instance.getUri().toString(), status, models);
    }

    /** The {@code model:version} entries of one metadata value. */
    private static List<String> entries(ServiceInstance instance, String key) {
        return Arrays.stream(instance.getMetadata().getOrDefault(key, "").split(","))
                .filter(entry -> entry.contains(":"))
                .toList();
    }
}
