package dev.modelport.admin.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.modelport.admin.audit.AuditClient.AuditEntry;
import dev.modelport.admin.platform.ApiException;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * Every change to models, versions, rollouts, clients and signing keys, and every console sign-in,
 * newest first, a page at a time.
 */
@Route("audit")
@PageTitle("Audit log · ModelPort")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    static final int PAGE_SIZE = 50;

    final TextField model = new TextField("Model");
    final TextField actor = new TextField("Actor");
    final Select<Kind> kind = new Select<>();
    final Grid<AuditEntry> records = new Grid<>();
    final Paragraph error = new Paragraph();
    final Paragraph emptyState = new Paragraph();
    private final AuditClient audit;

    /** The families of audit actions the page can filter by; {@code family} is the API's {@code action=}. */
    enum Kind {
        ALL("All", ""),
        SIGN_INS("Sign-ins", "login"),
        CLIENTS("API clients", "client"),
        MODELS("Models", "model"),
        VERSIONS("Versions", "version"),
        ROLLOUTS("Rollouts", "rollout"),
        KEYS("Signing keys", "key");

        final String label;
        final String family;

        Kind(String label, String family) {
            this.label = label;
            this.family = family;
        }
    }

    AuditView(AuditClient audit) {
        this.audit = audit;
        setSizeFull();
        kind.setLabel("Kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(value -> value.label);
        kind.setValue(Kind.ALL);
        kind.addValueChangeListener(change -> records.getDataProvider().refreshAll());
        for (TextField filter : new TextField[] {model, actor}) {
            filter.setClearButtonVisible(true);
            filter.setValueChangeMode(ValueChangeMode.LAZY);
            filter.addValueChangeListener(change -> records.getDataProvider().refreshAll());
        }
        records.addColumn(entry -> TIME.format(entry.time())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        records.addColumn(AuditEntry::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        records.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        records.addColumn(AuditEntry::target).setHeader("Target").setAutoWidth(true).setFlexGrow(0);
        records.addColumn(entry -> entry.details() == null ? "" : entry.details().toString()).setHeader("Details");
        records.setPageSize(PAGE_SIZE);
        records.setItems(DataProvider.fromCallbacks(
                query -> fetch(query.getOffset(), query.getLimit()),
                query -> count()));
        records.setSizeFull();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        emptyState.setVisible(false);
        add(new H2("Audit log"), new HorizontalLayout(kind, model, actor), error, emptyState, records);
    }

    /** The grid asks by offset; the API pages by number, and grid pages align with API pages. */
    private Stream<AuditEntry> fetch(int offset, int limit) {
        try {
            int first = offset / PAGE_SIZE;
            int last = (offset + limit - 1) / PAGE_SIZE;
            Stream<AuditEntry> entries = Stream.empty();
            for (int page = first; page <= last; page++) {
                entries = Stream.concat(entries, audit.page(model.getValue(), actor.getValue(), family(), page, PAGE_SIZE).records().stream());
            }
            return entries.skip(offset - (long) first * PAGE_SIZE).limit(limit);
        } catch (ApiException failed) {
            showError(failed);
            return Stream.empty();
        }
    }

    private int count() {
        try {
            error.setVisible(false);
            long total = audit.page(model.getValue(), actor.getValue(), family(), 0, 1).total();
            showEmptyState(total == 0);
            return (int) Math.min(Integer.MAX_VALUE, total);
        } catch (ApiException failed) {
            showEmptyState(false);
            showError(failed);
            return 0;
        }
    }

    private String family() {
        return kind.getValue() == null ? "" : kind.getValue().family;
    }

    private void showEmptyState(boolean empty) {
        emptyState.setVisible(empty);
        if (!empty) {
            return;
        }
        boolean filtered = !model.getValue().isBlank() || !actor.getValue().isBlank() || !family().isEmpty();
        emptyState.setText(filtered
                ? "No audit records match these filters. Model and actor must match exactly (the actor is the "
                        + "user or client ID); clear a filter or choose All to see more."
                : "No audit records yet. Creating a model, uploading a version, changing a rollout or an API "
                        + "client, and every console sign-in, records who did it here.");
    }

    private void showError(ApiException failed) {
        error.setText(failed.getMessage());
        error.setVisible(true);
    }
}
