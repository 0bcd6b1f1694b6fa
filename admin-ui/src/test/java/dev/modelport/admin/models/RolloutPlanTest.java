package dev.modelport.admin.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.RolloutChange;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

    private final Rollout current = new Rollout(2, 3, 10, 4, "admin", null);

    @Test
    void promoteWhenVersionIsTheCanaryThenCanaryEnds() {
        RolloutPlan plan = RolloutPlan.promote(current, 3);

        assertThat(plan.change()).isEqualTo(new RolloutChange(3, null, null, 4));
        assertThat(plan.resultingSplit()).isEqualTo("v3 100 % · v4 shadow");
    }

    @Test
    void shadowWhenClearedThenCanaryKept() {
        assertThat(RolloutPlan.shadow(current, null).change()).isEqualTo(new RolloutChange(2, 3, 10, null));
    }

    @Test
    void splitWhenNoProductionThenNotServing() {
        assertThat(RolloutPlan.split(Rollout.NONE)).isEqualTo("not serving");
    }
}
