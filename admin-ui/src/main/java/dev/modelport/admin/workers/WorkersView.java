package dev.modelport.admin.workers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.modelport.admin.platform.ApiException;
import dev.modelport.admin.workers.WorkersClient.LoadedVersion;
import dev.modelport.admin.workers.WorkersClient.Worker;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Each ONNX Runtime worker, its status and the model versions it has loaded. */
@Route("workers")
@PageTitle("Workers · ModelPort")
@RolesAllowed("ADMIN")
public class WorkersView extends VerticalLayout {

    static final String NO_WORKERS = "No worker has registered yet. Start model-service (bin/platform up starts one, "
            + "--workers N several); a worker is listed here a few seconds after it is up. Then refresh.";
    static final String NO_WORKER_ANSWERS = "No worker answers right now (%s). Start model-service with "
            + "bin/platform up, or check bin/platform status; then refresh.";

    final Grid<Worker> workers = new Grid<>();
    final Paragraph message = new Paragraph();
    final Paragraph emptyState = new Paragraph(NO_WORKERS);
    final Button refresh = new Button("Refresh");
    private final WorkersClient client;

    WorkersView(WorkersClient client) {
        this.client = client;
        workers.addColumn(Worker::instanceId).setHeader("Instance").setAutoWidth(true);
        workers.addColumn(Worker::uri).setHeader("Address").setAutoWidth(true);
        workers.addColumn(Worker::status).setHeader("Status").setAutoWidth(true);
        workers.addColumn(worker -> worker.loaded() == null || worker.loaded().isEmpty() ? "nothing"
                : worker.loaded().stream().map(loaded -> loaded.model() + " v" + loaded.version()
                                + (loaded.cold() ? " (" + LoadedVersion.NOT_WARMED_UP + ")" : ""))
                        .collect(Collectors.joining(", "))).setHeader("Loaded");
        workers.setAllRowsVisible(true);
        refresh.addClickListener(click -> reload());
        add(new H2("Workers"), refresh, message, emptyState, workers);
        reload();
    }

    void reload() {
        List<Worker> all;
        try {
            all = Objects.requireNonNullElse(client.list(), List.of());
            message.setVisible(false);
        } catch (ApiException failed) {
            all = List.of();
            message.setText(messageFor(failed));
            message.setVisible(true);
        }
        workers.setItems(all);
        workers.setVisible(!all.isEmpty());
        emptyState.setVisible(all.isEmpty() && !message.isVisible());
    }

    /** The gateway answers 503 when no model-service instance can take the call. */
    static String messageFor(ApiException failed) {
        return failed.status() == 503 ? NO_WORKER_ANSWERS.formatted(failed.getMessage()) : failed.getMessage();
    }
}
