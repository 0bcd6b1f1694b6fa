package dev.modelport.model.catalog;

import dev.modelport.model.onnx.OnnxMetadata;
import dev.modelport.model.onnx.Signature;
import java.time.Instant;

/** One immutable upload of a model: its bytes (by sha256), who uploaded it, and what it takes and returns. */
public record ModelVersion(String model, int version, String sha256, long sizeBytes, String uploadedBy,
                           Instant uploadedAt, String description, OnnxMetadata onnx, Signature signature) {
}
