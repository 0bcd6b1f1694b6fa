package dev.modelport.admin.models;

import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.RolloutChange;
import java.util.Objects;

/** The rollout changes an admin can make, each as the change to send and the split it results in. */
record RolloutPlan(String action, RolloutChange change) {

    static RolloutPlan promote(Rollout current, int version) {
        Integer canary = Objects.equals(current.canary(), version) ? null : current.canary();
        Integer shadow = Objects.equals(current.shadow(), version) ? null : current.shadow();
        return new RolloutPlan("Promote v" + version + " to production",
                new RolloutChange(version, canary, canary == null ? null : current.canaryPercent(), shadow));
    }

    static RolloutPlan rollBack(Rollout current, int previousProduction) {
        return new RolloutPlan("Roll back production to v" + previousProduction,
                new RolloutChange(previousProduction, null, null, keep(current.shadow(), previousProduction)));
    }

    static RolloutPlan canary(Rollout current, int version, int percent) {
        return new RolloutPlan("Send " + percent + " % to v" + version + " as canary",
                new RolloutChange(current.production(), version, percent, keep(current.shadow(), version)));
    }

    static RolloutPlan clearCanary(Rollout current) {
        return new RolloutPlan("Stop the canary", new RolloutChange(current.production(), null, null, current.shadow()));
    }

    static RolloutPlan shadow(Rollout current, Integer version) {
        return new RolloutPlan(version == null ? "Stop shadowing" : "Mirror traffic to v" + version + " as shadow",
                new RolloutChange(current.production(), current.canary(),
                        current.canary() == null ? null : current.canaryPercent(), version));
    }

    /** No version serves: workers unload the model, and it can then be deleted. */
    static RolloutPlan takeOutOfService() {
        return new RolloutPlan("Take the model out of service", new RolloutChange(null, null, null, null));
    }

    /** The traffic split this plan results in, as the confirm dialog states it. */
    String resultingSplit() {
        return split(change.production(), change.canary(), change.canaryPercent(), change.shadow());
    }

    static String split(Rollout rollout) {
        return split(rollout.production(), rollout.canary(), rollout.canaryPercent(), rollout.shadow());
    }

    static String split(Integer production, Integer canary, Integer canaryPercent, Integer shadow) {
        if (production == null) {
            return "not serving";
        }
        int canaryShare = canary == null || canaryPercent == null ? 0 : canaryPercent;
        StringBuilder split = new StringBuilder("v" + production + " " + (100 - canaryShare) + " %");
        if (canary != null) {
            split.append(" · v").append(canary).append(" ").append(canaryShare).append(" % (canary)");
        }
        if (shadow != null) {
            split.append(" · v").append(shadow).append(" shadow");
        }
        return split.toString();
    }

    private static Integer keep(Integer shadow, int unlessVersion) {
        return Objects.equals(shadow, unlessVersion) ? null : shadow;
    }
}
