package dev.modelport.admin.models;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.audit.AuditClient.AuditEntry;
import dev.modelport.admin.audit.AuditClient.AuditPage;
import dev.modelport.admin.audit.AuditClient;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.models.ModelRecords.RolloutChange;
import dev.modelport.admin.platform.ApiException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class RolloutPanelTest {

    private final StubModelsClient models = new StubModelsClient();
    private final List<AuditEntry> auditTrail = List.of(
            rolloutChange(1, 2), rolloutChange(null, 1));
    private final AuditClient audit = new AuditClient(null) {
        @Override
        public AuditPage page(String model, String actor, String action, int page, int size) {
            assertThat(action).as("only rollout changes tell the previous production").isEqualTo("rollout.changed");
            return new AuditPage(auditTrail, page, size, auditTrail.size());
        }
    };
    private int refreshed;
    private RolloutPanel panel;

    @BeforeEach
    void setUp() {
        panel = new RolloutPanel(models, audit, "iris", () -> refreshed++);
        panel.show(new Rollout(2, null, 0, null, "admin", null),
                List.of(ModelsTestData.version(1), ModelsTestData.version(2), ModelsTestData.version(3)));
    }

    @Test
    void promoteWhenConfirmedThenSendsProductionAndDialogShowedTheSplit() {
        _setValue(panel.promoteVersion, 3);
        _click(panel.promote);

        assertThat(ConfirmDialogKt.getText(panel.confirm)).isEqualTo("Resulting traffic: v3 100 %");
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(3, null, null, null));
        assertThat(refreshed).isEqualTo(1);
    }

    @Test
    void takeOutOfServiceWhenConfirmedThenNothingServesAndDialogSaidSo() {
        assertThat(panel.takeOutOfService.isEnabled()).isTrue();
        _click(panel.takeOutOfService);

        assertThat(ConfirmDialogKt.getText(panel.confirm)).isEqualTo("Resulting traffic: not serving");
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(null, null, null, null));
        assertThat(refreshed).isEqualTo(1);

        panel.show(Rollout.NONE, List.of(ModelsTestData.version(1)));
        assertThat(panel.takeOutOfService.isEnabled()).as("nothing to take out").isFalse();
    }

    @Test
    void rollBackWhenAuditKnowsPreviousProductionThenOffersIt() {
        assertThat(panel.rollBack.isEnabled()).isTrue();
        assertThat(panel.rollBack.getText()).isEqualTo("Roll back to v1");

        _click(panel.rollBack);
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(1, null, null, null));
    }

    @Test
    void rollBackWhenCanaryAndShadowThenDialogShowsPreviousProductionKeepingShadow() {
        panel.show(new Rollout(2, 3, 20, 3, "admin", null),
                List.of(ModelsTestData.version(1), ModelsTestData.version(2), ModelsTestData.version(3)));
        _click(panel.rollBack);

        assertThat(ConfirmDialogKt.getHeader(panel.confirm)).isEqualTo("Roll back production to v1");
        assertThat(ConfirmDialogKt.getText(panel.confirm)).isEqualTo("Resulting traffic: v1 100 % · v3 shadow");
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(1, null, null, 3));
    }

    @Test
    void rollBackWhenAuditKnowsNoEarlierProductionThenDisabled() {
        panel.show(new Rollout(1, null, 0, null, "admin", null), List.of(ModelsTestData.version(1)));

        assertThat(panel.rollBack.isEnabled()).isFalse();
        assertThat(panel.rollBack.getText()).isEqualTo("Roll back");
    }

    @Test
    void stopCanaryWhenConfirmedThenSendsRolloutWithoutCanary() {
        panel.show(new Rollout(2, 3, 20, 1, "admin", null),
                List.of(ModelsTestData.version(1), ModelsTestData.version(2), ModelsTestData.version(3)));
        _click(panel.stopCanary);

        assertThat(ConfirmDialogKt.getText(panel.confirm)).isEqualTo("Resulting traffic: v2 100 % · v1 shadow");
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(2, null, null, 1));
        assertThat(refreshed).isEqualTo(1);
    }

    @Test
    void stopCanaryWhenCancelledThenNothingSent() {
        panel.show(new Rollout(2, 3, 20, null, "admin", null),
                List.of(ModelsTestData.version(2), ModelsTestData.version(3)));
        _click(panel.stopCanary);
        ConfirmDialogKt._fireCancel(panel.confirm);

        assertThat(models.calls).isEmpty();
    }

    @Test
    void stopCanaryAndClearShadowWhenNeitherSetThenDisabled() {
        assertThat(panel.stopCanary.isEnabled()).isFalse();
        assertThat(panel.clearShadow.isEnabled()).isFalse();
    }

    @Test
    void clearShadowWhenConfirmedThenSendsRolloutKeepingCanary() {
        panel.show(new Rollout(2, 3, 20, 1, "admin", null),
                List.of(ModelsTestData.version(1), ModelsTestData.version(2), ModelsTestData.version(3)));
        _click(panel.clearShadow);

        assertThat(ConfirmDialogKt.getHeader(panel.confirm)).isEqualTo("Stop shadowing");
        assertThat(ConfirmDialogKt.getText(panel.confirm)).isEqualTo("Resulting traffic: v2 80 % · v3 20 % (canary)");
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(2, 3, 20, null));
    }

    @Test
    void canaryPercentWhenShownThenSliderFromOneToNinetyNineShowingTheSplit() {
        assertThat(panel.canaryPercent.getMin()).isEqualTo(1);
        assertThat(panel.canaryPercent.getMax()).isEqualTo(99);
        assertThat(panel.canaryPercent.isValueAlwaysVisible()).isTrue();

        _setValue(panel.canaryPercent, 30);
        assertThat(panel.canaryPercent.getHelperText()).isEqualTo("30 % of requests to the canary, 70 % to production");
    }

    @Test
    void canaryWhenPercentOutOfRangeThenErrorAndNoDialog() {
        _setValue(panel.canaryVersion, 3);
        _setValue(panel.canaryPercent, 150);
        _click(panel.setCanary);

        assertThat(panel.error.isVisible()).isTrue();
        assertThat(panel.confirm).isNull();
        assertThat(models.calls).isEmpty();
    }

    @Test
    void canaryWhenValidThenDialogShowsSplit() {
        _setValue(panel.canaryVersion, 3);
        _setValue(panel.canaryPercent, 25);
        _click(panel.setCanary);

        assertThat(ConfirmDialogKt.getText(panel.confirm)).isEqualTo("Resulting traffic: v2 75 % · v3 25 % (canary)");
        ConfirmDialogKt._fireConfirm(panel.confirm);
        assertThat(models.calls).containsExactly(new RolloutChange(2, 3, 25, null));
    }

    @Test
    void shadowWhenServiceRefusesThenItsErrorInline() {
        models.failure = new ApiException(400, "shadow v1 has an incompatible signature: input 'input' is [-1, 5]");
        _setValue(panel.shadowVersion, 1);
        _click(panel.setShadow);
        ConfirmDialogKt._fireConfirm(panel.confirm);

        assertThat(panel.error.getText()).isEqualTo("shadow v1 has an incompatible signature: input 'input' is [-1, 5]");
        assertThat(refreshed).isZero();
    }

    private static AuditEntry rolloutChange(Integer before, int after) {
        Map<String, Object> beforeFields = new HashMap<>();
        beforeFields.put("production", before);
        return new AuditEntry(1, Instant.EPOCH, "admin", "rollout.changed", "iris", "iris",
                Map.of("before", beforeFields, "after", Map.of("production", after)));
    }
}
