package dev.modelport.model.catalog;

/** A model with its current rollout and how many versions it has. */
public record ModelSummary(Model model, Rollout rollout, int versionCount, Integer latestVersion) {
}
