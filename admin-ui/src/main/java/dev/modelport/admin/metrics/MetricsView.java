package dev.modelport.admin.metrics;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.modelport.admin.metrics.MetricsClient.ModelMetrics;
import dev.modelport.admin.platform.ApiException;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * Serving metrics of one model per version over the last 15 minutes or hour, as model-service
 * keeps them (10-second buckets over every worker): a summary grid, and server-rendered SVG
 * charts of requests/s, error rate, latency p50/p95/p99, queue time and batch size. The page
 * asks again every 10 seconds while it is open.
 */
@Route("metrics")
@PageTitle("Metrics · ModelPort")
@RolesAllowed("ADMIN")
public class MetricsView extends VerticalLayout {

    static final int REFRESH_MILLIS = 10_000;
    static final String NO_LONGER_EXISTS = "Model %s no longer exists. Pick another model.";
    static final String NO_MODELS = "No models yet. Create one on the Models page, upload a version, make it "
            + "production and send it requests; its metrics show here.";
    static final String NO_TRAFFIC = "No requests to %s in the %s. Send it some: POST /v2/models/%s/infer through "
            + "the gateway, or use Try it on the model's page. The charts fill in within 10 seconds.";

    final Select<String> model = new Select<>();
    final Select<String> window = new Select<>();
    final Grid<SummaryRow> summary = new Grid<>();
    final FlexLayout charts = new FlexLayout();
    final Paragraph message = new Paragraph();
    final Div emptyState = new Div();
    private final MetricsClient client;
    private Registration polling;

    MetricsView(MetricsClient client) {
        this.client = client;
        model.setLabel("Model");
        window.setLabel("Window");
        window.setItems("15m", "1h");
        window.setItemLabelGenerator(MetricsView::describe);
        window.setValue("15m");
        model.addValueChangeListener(change -> refresh());
        window.addValueChangeListener(change -> refresh());
        summary.addColumn(row -> "v" + row.version()).setHeader("Version").setAutoWidth(true);
        summary.addColumn(SummaryRow::totalRequests).setHeader("Requests (total)").setAutoWidth(true);
        summary.addColumn(row -> number(row.requestsPerSecond())).setHeader("Requests/s").setAutoWidth(true);
        summary.addColumn(row -> row.errorRate() == null ? "–" : number(row.errorRate() * 100) + " %")
                .setHeader("Errors").setAutoWidth(true);
        summary.addColumn(row -> number(row.p50()) + " / " + number(row.p95()) + " / " + number(row.p99()))
                .setHeader("Latency p50 / p95 / p99 (ms)").setAutoWidth(true);
        summary.addColumn(row -> number(row.meanQueueMs())).setHeader("Queue (ms)").setAutoWidth(true);
        summary.addColumn(row -> number(row.meanBatchSize())).setHeader("Batch size").setAutoWidth(true);
        summary.setAllRowsVisible(true);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        emptyState.setVisible(false);
        message.setVisible(false);
        add(new H2("Metrics"), new HorizontalLayout(model, window), message, emptyState, summary, charts);
        try {
            List<String> names = client.modelNames();
            model.setItems(names);
            if (names.isEmpty()) {
                showEmpty(new Paragraph(NO_MODELS));
            } else {
                model.setValue(names.contains("iris") ? "iris" : names.getFirst());
            }
        } catch (ApiException failed) {
            show(failed.getMessage());
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    void refresh() {
        String name = model.getValue();
        if (name == null) {
            return;
        }
        ModelMetrics metrics;
        try {
            metrics = client.get(name, window.getValue());
            message.setVisible(false);
        } catch (ApiException failed) {
            if (failed.status() == 404) {
                // the metrics API answers 404 only for a model that does not exist: deleted since the list was read
                summary.setItems(List.of());
                charts.removeAll();
                show(NO_LONGER_EXISTS.formatted(name));
            } else {
                show(failed.getMessage());
            }
            return;
        }
        summary.setItems(metrics.versionsOrNone().stream().map(version -> SummaryRow.of(version, metrics.window())).toList());
        charts.removeAll();
        boolean traffic = metrics.versionsOrNone().stream().anyMatch(version -> !version.seriesOrNone().isEmpty());
        if (!traffic || metrics.window() == null) {
            showEmpty(new Paragraph(NO_TRAFFIC.formatted(name, describe(window.getValue()), name)),
                    new Anchor("models/" + name, "Open " + name + " to try it"));
            return;
        }
        emptyState.setVisible(false);
        charts.setVisible(true);
        MetricsCharts.of(metrics).forEach(chart -> charts.add(new Svg(chart.svg())));
    }

    private void showEmpty(Component... content) {
        emptyState.removeAll();
        emptyState.add(content);
        emptyState.setVisible(true);
        charts.setVisible(false);
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private static String describe(String window) {
        return "1h".equals(window) ? "last hour" : "last 15 minutes";
    }

    private static String number(Double value) {
        if (value == null) {
            return "–";
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
