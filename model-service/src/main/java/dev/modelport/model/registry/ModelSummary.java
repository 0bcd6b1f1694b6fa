package dev.modelport.model.registry;

/** A model with its current rollout and how many versions it has. */
public record ModelSummary(Model model, Rollout rollout, int versionCount, Integer latestVersion) {
}
