package dev.modelport.model.web;

import dev.modelport.model.catalog.ModelMetadataService;
import dev.modelport.model.catalog.VersionCatalog;
import dev.modelport.model.inference.InferenceService;
import dev.modelport.model.onnx.Signature;
import dev.modelport.model.onnx.TensorSpec;
import dev.modelport.support.security.Reach;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** V2 model metadata and readiness: what a model takes and returns, and whether this worker can run it now. */
@RestController
class ModelMetadataController {

    static final String PLATFORM = ModelMetadataService.PLATFORM;

    private final ModelMetadataService metadata;
    private final VersionCatalog versions;
    private final InferenceService inference;

    ModelMetadataController(ModelMetadataService metadata, VersionCatalog versions, InferenceService inference) {
        this.metadata = metadata;
        this.versions = versions;
        this.inference = inference;
    }

    /** Metadata of the production version (or the latest, for a model not rolled out yet), listing every version. */
    @GetMapping("/v2/models/{name}")
    ModelMetadata model(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach.of(jwt).requireModel(name);
        return ModelMetadata.of(metadata.describe(name));
    }

    @GetMapping("/v2/models/{name}/versions/{version}")
    ModelMetadata version(@AuthenticationPrincipal Jwt jwt, @PathVariable String name, @PathVariable int version) {
        Reach.of(jwt).requireModel(name);
        return ModelMetadata.of(metadata.describe(name, version));
    }

    @GetMapping("/v2/models/{name}/ready")
    ResponseEntity<Map<String, Object>> ready(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        Reach.of(jwt).requireModel(name);
        return readiness(name, null);
    }

    @GetMapping("/v2/models/{name}/versions/{version}/ready")
    ResponseEntity<Map<String, Object>> versionReady(@AuthenticationPrincipal Jwt jwt, @PathVariable String name,
                                                     @PathVariable int version) {
        Reach.of(jwt).requireModel(name);
        return readiness(name, version);
    }

    private ResponseEntity<Map<String, Object>> readiness(String name, Integer version) {
        versions.list(name);
        return inference.serving(name, version)
                .<ResponseEntity<Map<String, Object>>>map(serving -> ResponseEntity.ok(Map.of("name", name,
                        "version", String.valueOf(serving.version()), "ready", true)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("name", name,
                        "ready", false, "error", "not loaded on this worker (no rollout names it, or it is loading)")));
    }

    /** The V2 metadata response. */
    record ModelMetadata(String name, List<String> versions, String platform, List<TensorMetadata> inputs,
                         List<TensorMetadata> outputs) {

        static ModelMetadata of(ModelMetadataService.Metadata metadata) {
            Signature signature = metadata.signature();
            return new ModelMetadata(metadata.name(), metadata.versions(), PLATFORM,
                    signature.inputs().stream().map(TensorMetadata::of).toList(),
                    signature.outputs().stream().map(TensorMetadata::of).toList());
        }
    }

    record TensorMetadata(String name, String datatype, List<Long> shape) {

        static TensorMetadata of(TensorSpec spec) {
            return new TensorMetadata(spec.name(), spec.datatype(), spec.shape());
        }
    }
}
