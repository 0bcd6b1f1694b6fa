package dev.modelport.admin.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.slider.IntegerSlider;
import dev.modelport.admin.audit.AuditClient;
import dev.modelport.admin.audit.AuditClient.AuditEntry;
import dev.modelport.admin.models.ModelRecords.ModelVersion;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.platform.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Promote, roll back, canary, shadow: each confirmed with the split it results in. */
class RolloutPanel extends VerticalLayout {

    // the API takes 0–100; a canary at 0 % or 100 % is better said with Stop canary or Promote
    static final int MIN_CANARY_PERCENT = 1;
    static final int MAX_CANARY_PERCENT = 99;

    final Span currentSplit = new Span();
    final Select<Integer> promoteVersion = versionSelect("Version");
    final Button promote = new Button("Promote to production");
    final Button rollBack = new Button("Roll back");
    final Button takeOutOfService = new Button("Take out of service");
    final Select<Integer> canaryVersion = versionSelect("Canary version");
    final IntegerSlider canaryPercent = new IntegerSlider("Canary share", MIN_CANARY_PERCENT, MAX_CANARY_PERCENT);
    final Button setCanary = new Button("Set canary");
    final Button stopCanary = new Button("Stop canary");
    final Select<Integer> shadowVersion = versionSelect("Shadow version");
    final Button setShadow = new Button("Set shadow");
    final Button clearShadow = new Button("Clear shadow");
    final Paragraph error = new Paragraph();
    ConfirmDialog confirm;
    private final ModelsClient models;
    private final AuditClient audit;
    private final String model;
    private final Runnable changed;
    private Rollout rollout = Rollout.NONE;
    private Integer previousProduction;

    RolloutPanel(ModelsClient models, AuditClient audit, String model, Runnable changed) {
        this.models = models;
        this.audit = audit;
        this.model = model;
        this.changed = changed;
        setPadding(false);
        canaryPercent.setValue(10);
        canaryPercent.setValueAlwaysVisible(true);
        canaryPercent.setMinMaxVisible(true);
        canaryPercent.setWidth("16em");
        canaryPercent.addValueChangeListener(change -> describeShare());
        describeShare();
        promote.addClickListener(click -> Optional.ofNullable(promoteVersion.getValue())
                .ifPresent(version -> ask(RolloutPlan.promote(rollout, version))));
        rollBack.addClickListener(click -> ask(RolloutPlan.rollBack(rollout, previousProduction)));
        takeOutOfService.addClickListener(click -> ask(RolloutPlan.takeOutOfService()));
        setCanary.addClickListener(click -> {
            Integer percent = canaryPercent.getValue();
            if (canaryVersion.getValue() == null || percent == null
                    || percent < MIN_CANARY_PERCENT || percent > MAX_CANARY_PERCENT || canaryPercent.isInvalid()) {
                showError("Pick a canary version and a share from " + MIN_CANARY_PERCENT + " to " + MAX_CANARY_PERCENT + " %");
                return;
            }
            ask(RolloutPlan.canary(rollout, canaryVersion.getValue(), percent));
        });
        stopCanary.addClickListener(click -> ask(RolloutPlan.clearCanary(rollout)));
        setShadow.addClickListener(click -> Optional.ofNullable(shadowVersion.getValue())
                .ifPresent(version -> ask(RolloutPlan.shadow(rollout, version))));
        clearShadow.addClickListener(click -> ask(RolloutPlan.shadow(rollout, null)));
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(new HorizontalLayout(new Span("Traffic now:"), currentSplit),
                row(promoteVersion, promote, rollBack, takeOutOfService),
                row(canaryVersion, canaryPercent, setCanary, stopCanary),
                row(shadowVersion, setShadow, clearShadow),
                error);
    }

    void show(Rollout current, List<ModelVersion> versions) {
        rollout = current;
        currentSplit.setText(RolloutPlan.split(current));
        List<Integer> numbers = versions.stream().map(ModelVersion::version).sorted((a, b) -> b - a).toList();
        for (Select<Integer> select : List.of(promoteVersion, canaryVersion, shadowVersion)) {
            select.setItems(numbers);
        }
        boolean serving = current.production() != null;
        setCanary.setEnabled(serving);
        setShadow.setEnabled(serving);
        takeOutOfService.setEnabled(serving);
        stopCanary.setEnabled(current.canary() != null);
        clearShadow.setEnabled(current.shadow() != null);
        previousProduction = serving ? previousProduction(current.production()) : null;
        rollBack.setEnabled(previousProduction != null);
        rollBack.setText(previousProduction == null ? "Roll back" : "Roll back to v" + previousProduction);
    }

    private Integer previousProduction(int production) {
        try {
            return previousProduction(audit.page(model, null, "rollout.changed", 0, 100).records(), production);
        } catch (ApiException unavailable) {
            return null;
        }
    }

    /** The production before the change that put the current one there, from the audit trail. */
    static Integer previousProduction(List<AuditEntry> newestFirst, int production) {
        for (AuditEntry entry : newestFirst) {
            if (!"rollout.changed".equals(entry.action()) || entry.details() == null) {
                continue;
            }
            Object before = entry.details().get("before") instanceof Map<?, ?> fields ? fields.get("production") : null;
            Object after = entry.details().get("after") instanceof Map<?, ?> fields ? fields.get("production") : null;
            if (after instanceof Number now && now.intValue() == production
                    && before instanceof Number earlier && earlier.intValue() != production) {
                return earlier.intValue();
            }
        }
        return null;
    }

    private void describeShare() {
        Integer percent = canaryPercent.getValue();
        canaryPercent.setHelperText(percent == null ? "" : percent + " % of requests to the canary, "
                + (100 - percent) + " % to production");
    }

    private void ask(RolloutPlan plan) {
        error.setVisible(false);
        confirm = new ConfirmDialog(plan.action(), "Resulting traffic: " + plan.resultingSplit(), "Apply", apply -> apply(plan));
        confirm.setCancelable(true);
        confirm.open();
    }

    void apply(RolloutPlan plan) {
        try {
            Rollout after = models.rollout(model, plan.change());
            if (!Objects.equals(after, rollout)) {
                changed.run();
            }
        } catch (ApiException refused) {
            showError(refused.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private static Select<Integer> versionSelect(String label) {
        Select<Integer> select = new Select<>();
        select.setLabel(label);
        select.setItemLabelGenerator(version -> "v" + version);
        return select;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }
}
