package dev.modelport.admin.workers;

import dev.modelport.admin.platform.PlatformApi;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/** The model-service instances Eureka knows and which versions each has loaded ({@code GET /api/workers}). */
@Service
public class WorkersClient {

    public record LoadedVersion(String model, int version) {
    }

    public record Worker(String instanceId, String uri, String status, List<LoadedVersion> loaded) {

        public boolean up() {
            return "UP".equals(status);
        }

        public boolean serves(String model, int version) {
            return loaded != null && loaded.contains(new LoadedVersion(model, version));
        }
    }

    private final PlatformApi api;

    public WorkersClient(PlatformApi api) {
        this.api = api;
    }

    /** A status look-up pages wait on while they render: the short timeout. */
    public List<Worker> list() {
        return api.quick().get().uri("/api/workers").retrieve().body(new ParameterizedTypeReference<List<Worker>>() { });
    }
}
