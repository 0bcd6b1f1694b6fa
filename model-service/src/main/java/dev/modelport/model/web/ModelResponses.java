package dev.modelport.model.web;

import dev.modelport.model.catalog.ModelSummary;
import dev.modelport.model.catalog.ModelVersion;
import dev.modelport.model.catalog.Rollout;
import dev.modelport.model.onnx.OnnxMetadata;
import dev.modelport.model.onnx.Signature;
import java.time.Instant;
import java.util.List;

/** The JSON the management API answers with: never a row, always one of these. */
final class ModelResponses {

    private ModelResponses() {
    }

    record ModelView(String name, String description, List<String> tags, String owner, Instant createdAt,
                     Instant updatedAt, int versionCount, Integer latestVersion, RolloutView rollout) {

        static ModelView of(ModelSummary summary) {
            var model = summary.model();
            return new ModelView(model.name(), model.description(), model.tags(), model.owner(), model.createdAt(),
                    model.updatedAt(), summary.versionCount(), summary.latestVersion(), RolloutView.of(summary.rollout()));
        }
    }

    record RolloutView(Integer production, Integer canary, int canaryPercent, Integer shadow, String updatedBy,
                       Instant updatedAt) {

        static RolloutView of(Rollout rollout) {
            return new RolloutView(rollout.production(), rollout.canary(), rollout.canaryPercent(), rollout.shadow(),
                    rollout.updatedBy(), rollout.updatedAt());
        }
    }

    record VersionView(String model, int version, String sha256, long sizeBytes, String uploadedBy, Instant uploadedAt,
                       String description, Signature signature, OnnxMetadata onnx) {

        static VersionView of(ModelVersion version) {
            return new VersionView(version.model(), version.version(), version.sha256(), version.sizeBytes(),
                    version.uploadedBy(), version.uploadedAt(), version.description(), version.signature(), version.onnx());
        }
    }
}
