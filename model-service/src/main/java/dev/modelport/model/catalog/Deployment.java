package dev.modelport.model.catalog;

import java.util.List;
import java.util.Optional;

/** A model that serves: its rollout and the versions the rollout names (production, canary, shadow). */
public record Deployment(String model, Rollout rollout, List<ModelVersion> versions) {

    public Optional<ModelVersion> version(Integer number) {
        return number == null ? Optional.empty()
                : versions.stream().filter(version -> version.version() == number).findFirst();
    }
}
