package dev.modelport.admin.workers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.modelport.admin.platform.ApiException;
import dev.modelport.admin.workers.WorkersClient.Worker;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Each ONNX Runtime worker, its status and the model versions it has loaded. */
@Route("workers")
@PageTitle("Workers · ModelPort")
@RolesAllowed("ADMIN")
public class WorkersView extends VerticalLayout {

    static final String NOT_AVAILABLE = "The workers API is not available on this platform version yet.";

    final Grid<Worker> workers = new Grid<>();
    final Paragraph message = new Paragraph();
    final Button refresh = new Button("Refresh");
    private final WorkersClient client;

    WorkersView(WorkersClient client) {
        this.client = client;
        workers.addColumn(Worker::instanceId).setHeader("Instance").setAutoWidth(true);
        workers.addColumn(Worker::uri).setHeader("Address").setAutoWidth(true);
        workers.addColumn(Worker::status).setHeader("Status").setAutoWidth(true);
        workers.addColumn(worker -> worker.loaded() == null || worker.loaded().isEmpty() ? "nothing"
                : worker.loaded().stream().map(loaded -> loaded.model() + " v" + loaded.version())
                        .collect(Collectors.joining(", "))).setHeader("Loaded");
        workers.setAllRowsVisible(true);
        refresh.addClickListener(click -> reload());
        add(new H2("Workers"), refresh, message, workers);
        reload();
    }

    void reload() {
        try {
            workers.setItems(client.list());
            workers.setVisible(true);
            message.setVisible(false);
        } catch (ApiException failed) {
            message.setText(failed.notAvailable() ? NOT_AVAILABLE : failed.getMessage());
            message.setVisible(true);
            workers.setVisible(false);
        }
    }
}
