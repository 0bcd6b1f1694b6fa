package dev.modelport.model.catalog;

import java.time.Instant;

/**
 * Which versions of a model serve: production takes the traffic, a canary takes
 * {@code canaryPercent} of it, a shadow gets a copy of production's requests.
 * Any version may be null: a model without production serves nothing.
 */
public record Rollout(Integer production, Integer canary, int canaryPercent, Integer shadow, String updatedBy,
                      Instant updatedAt) {

    static Rollout none() {
        return new Rollout(null, null, 0, null, null, null);
    }

    /** Whether {@code version} takes or sees traffic under this rollout. */
    public boolean involves(int version) {
        return Integer.valueOf(version).equals(production) || Integer.valueOf(version).equals(canary)
                || Integer.valueOf(version).equals(shadow);
    }

    public boolean serving() {
        return production != null;
    }
}
