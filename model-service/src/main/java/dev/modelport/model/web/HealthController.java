package dev.modelport.model.web;

import dev.modelport.model.protocol.ProtocolExtensions;
import dev.modelport.model.serving.ServingReadiness;
import java.util.Map;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-level endpoints of the Open Inference Protocol (KServe V2): liveness, readiness and
 * server metadata. A worker that is not ready answers 503 so probes and load balancers skip it.
 */
@RestController
class HealthController {

    private final ServingReadiness readiness;
    private final String version;

    HealthController(ServingReadiness readiness, ObjectProvider<BuildProperties> build) {
        this.readiness = readiness;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @GetMapping("/v2/health/live")
    Map<String, Object> live() {
        return Map.of("live", true);
    }

    @GetMapping("/v2/health/ready")
    ResponseEntity<Map<String, Object>> ready() {
        return readiness.notReadyReason()
                .<ResponseEntity<Map<String, Object>>>map(reason -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("ready", false, "error", reason)))
                .orElseGet(() -> ResponseEntity.ok(Map.of("ready", true)));
    }

    @GetMapping("/v2")
    Map<String, Object> serverMetadata() {
        return Map.of("name", "modelport", "version", version, "extensions", ProtocolExtensions.IMPLEMENTED);
    }
}
