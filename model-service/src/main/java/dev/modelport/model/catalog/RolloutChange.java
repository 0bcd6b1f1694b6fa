package dev.modelport.model.catalog;

/** What an admin asks the rollout to become; canary and shadow are optional. */
public record RolloutChange(int production, Integer canary, Integer canaryPercent, Integer shadow) {
}
