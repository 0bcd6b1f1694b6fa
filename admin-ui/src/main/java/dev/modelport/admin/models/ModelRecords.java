package dev.modelport.admin.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What model-service answers and accepts, as the console reads it. */
final class ModelRecords {

    private ModelRecords() {
    }

    record Rollout(Integer production, Integer canary, Integer canaryPercent, Integer shadow,
                   String updatedBy, Instant updatedAt) {

        static final Rollout NONE = new Rollout(null, null, null, null, null, null);
    }

    record Model(String name, String description, List<String> tags, String owner, Instant createdAt,
                 Instant updatedAt, int versionCount, Integer latestVersion, Rollout rollout) {

        Rollout rolloutOrNone() {
            return rollout == null ? Rollout.NONE : rollout;
        }

        List<String> tagsOrNone() {
            return tags == null ? List.of() : tags;
        }
    }

    record NewModel(String name, String description, List<String> tags) {
    }

    record TensorSpec(String name, String datatype, List<Long> shape) {
    }

    record Signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {
    }

    record ModelVersion(String model, int version, String sha256, long sizeBytes, String uploadedBy,
                        Instant uploadedAt, String description, Signature signature, Map<String, Object> onnx) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RolloutChange(Integer production, Integer canary, Integer canaryPercent, Integer shadow) {
    }

    /** A model-service instance as {@code GET /api/workers} lists it: its registry status and what it has loaded. */
    /** One V2 tensor, request or response. */
    record Tensor(String name, List<Long> shape, String datatype, List<Object> data) {
    }

    record InferRequest(List<Tensor> inputs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(String model_name, String model_version, List<Tensor> outputs) {
    }
}
