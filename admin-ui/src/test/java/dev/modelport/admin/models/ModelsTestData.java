package dev.modelport.admin.models;

import dev.modelport.admin.models.ModelRecords.Model;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.Signature;
import dev.modelport.admin.models.ModelRecords.TensorSpec;
import java.time.Instant;
import java.util.List;

final class ModelsTestData {

    static final Signature IRIS = new Signature(
            List.of(new TensorSpec("input", "FP32", List.of(-1L, 4L))),
            List.of(new TensorSpec("output", "FP32", List.of(-1L, 3L))));

    private ModelsTestData() {
    }

    static Model iris(Rollout rollout) {
        return new Model("iris", "Fisher's flowers", List.of("demo", "tabular"), "admin", Instant.EPOCH, Instant.EPOCH,
                2, 2, rollout);
    }

    static ModelVersion version(int number) {
        return new ModelVersion("iris", number, "0123456789abcdef0123", 2048, "admin", Instant.EPOCH, "v" + number,
                IRIS, null);
    }
}
