package dev.modelport.admin.workers;

import dev.modelport.admin.platform.PlatformApi;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Service;

/** The model-service instances Eureka knows and which versions each has loaded ({@code GET /api/workers}). */
@Service
public class WorkersClient {

    /**
     * {@code warmedUp} false: it serves, but its warm-up request failed, so its first requests pay the start-up
     * cost; a worker of an older release does not say, and counts as warmed up.
     */
    public record LoadedVersion(String model, int version, Boolean warmedUp) {

        /** How a version whose warm-up failed is shown: it serves, and its first requests are slow. */
        public static final String NOT_WARMED_UP = "serving, not warmed up";

        public LoadedVersion(String model, int version) {
            this(model, version, true);
        }

        public boolean cold() {
            return Boolean.FALSE.equals(warmedUp);
        }

        boolean is(String otherModel, int otherVersion) {
            return model.equals(otherModel) && version == otherVersion;
        }
    }

    public record Worker(String instanceId, String uri, String status, List<LoadedVersion> loaded) {

        public boolean up() {
            return "UP".equals(status);
        }

        public boolean serves(String model, int version) {
            return loaded != null && loaded.stream().anyMatch(loadedVersion -> loadedVersion.is(model, version));
        }

        /** Serves it, but without a warm-up. */
        public boolean servesCold(String model, int version) {
            return loaded != null && loaded.stream().anyMatch(loadedVersion -> loadedVersion.is(model, version) && loadedVersion.cold());
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
