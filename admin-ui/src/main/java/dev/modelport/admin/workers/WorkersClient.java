package dev.modelport.admin.workers;

import dev.modelport.admin.platform.PlatformApi;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/** The model-service instances Eureka knows and which versions each has loaded. */
@Service
class WorkersClient {

    record LoadedVersion(String model, int version) {
    }

    record Worker(String instanceId, String uri, String status, List<LoadedVersion> loaded) {
    }

    private final PlatformApi api;

    WorkersClient(PlatformApi api) {
        this.api = api;
    }

    List<Worker> list() {
        return api.rest().get().uri("/api/workers").retrieve().body(new ParameterizedTypeReference<List<Worker>>() { });
    }
}
