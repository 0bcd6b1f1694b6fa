package dev.modelport.admin.metrics;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import dev.modelport.admin.metrics.MetricsHistory.Point;
import dev.modelport.admin.platform.ApiException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serving metrics of one model per version: requests/s and error rate from sampling the
 * cumulative counters every 10 s while the page is open, latency percentiles, queue time and
 * batch size, as server-rendered SVG charts over the last 15 minutes or hour.
 */
@Route("metrics")
@PageTitle("Metrics · ModelPort")
@RolesAllowed("ADMIN")
public class MetricsView extends VerticalLayout {

    static final int SAMPLE_MILLIS = 10_000;
    static final String NOT_AVAILABLE = "The metrics API is not available on this platform version yet.";

    /** One version's numbers over the chosen window. */
    record Row(int version, long requests, double requestsPerSecond, double errorRate, double p50, double p95,
               double p99, double meanQueueMs, double meanBatchSize) {
    }

    final Select<String> model = new Select<>();
    final Select<Duration> window = new Select<>();
    final Grid<Row> summary = new Grid<>();
    final FlexLayout charts = new FlexLayout();
    final Paragraph message = new Paragraph();
    private final MetricsClient client;
    Clock clock = Clock.systemUTC();

    MetricsView(MetricsClient client) {
        this.client = client;
        model.setLabel("Model");
        window.setLabel("Window");
        window.setItems(Duration.ofMinutes(15), Duration.ofHours(1));
        window.setItemLabelGenerator(duration -> duration.toMinutes() == 60 ? "last hour" : "last 15 minutes");
        window.setValue(Duration.ofMinutes(15));
        model.addValueChangeListener(change -> sample());
        window.addValueChangeListener(change -> render());
        summary.addColumn(row -> "v" + row.version()).setHeader("Version").setAutoWidth(true);
        summary.addColumn(Row::requests).setHeader("Requests (total)").setAutoWidth(true);
        summary.addColumn(row -> number(row.requestsPerSecond())).setHeader("Requests/s").setAutoWidth(true);
        summary.addColumn(row -> number(row.errorRate() * 100) + " %").setHeader("Errors").setAutoWidth(true);
        summary.addColumn(row -> number(row.p50()) + " / " + number(row.p95()) + " / " + number(row.p99()))
                .setHeader("Latency p50 / p95 / p99 (ms)").setAutoWidth(true);
        summary.addColumn(row -> number(row.meanQueueMs())).setHeader("Queue (ms)").setAutoWidth(true);
        summary.addColumn(row -> number(row.meanBatchSize())).setHeader("Batch size").setAutoWidth(true);
        summary.setAllRowsVisible(true);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2("Metrics"), new HorizontalLayout(model, window), message, summary, charts);
        try {
            List<String> names = client.modelNames();
            model.setItems(names);
            if (!names.isEmpty()) {
                model.setValue(names.contains("iris") ? "iris" : names.getFirst());
            }
        } catch (ApiException failed) {
            show(failed.getMessage());
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(SAMPLE_MILLIS);
        attach.getUI().addPollListener(poll -> sample());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
    }

    void sample() {
        if (model.getValue() == null) {
            return;
        }
        try {
            history().add(clock.instant(), client.get(model.getValue()));
            message.setVisible(false);
            render();
        } catch (ApiException failed) {
            show(failed.notAvailable() ? NOT_AVAILABLE : failed.getMessage());
        }
    }

    private void render() {
        if (model.getValue() == null) {
            return;
        }
        MetricsHistory history = history();
        Instant now = clock.instant();
        List<Point> points = history.points(now, window.getValue());
        summary.setItems(rows(history, points));
        charts.removeAll();
        charts.add(new Svg(LineChart.svg("Requests per second", "req/s", points, Point::requestsPerSecond)),
                new Svg(LineChart.svg("Error rate", "errors / requests", points, Point::errorRate)),
                new Svg(LineChart.svg("Latency p95", "ms", points, Point::p95)),
                new Svg(LineChart.svg("Queue time", "ms", points, Point::meanQueueMs)));
    }

    static List<Row> rows(MetricsHistory history, List<Point> points) {
        return history.latest().stream().map(latest -> {
            List<Point> ofVersion = points.stream().filter(point -> point.version() == latest.version()).toList();
            double perSecond = ofVersion.isEmpty() ? 0 : ofVersion.getLast().requestsPerSecond();
            double errorRate = latest.requests() == 0 ? 0 : (double) latest.errors() / latest.requests();
            MetricsClient.Latency latency = latest.latencyMs() == null ? new MetricsClient.Latency(0, 0, 0) : latest.latencyMs();
            return new Row(latest.version(), latest.requests(), perSecond, errorRate, latency.p50(), latency.p95(),
                    latency.p99(), latest.meanQueueMs(), latest.meanBatchSize());
        }).toList();
    }

    /** Kept in the Vaadin session, so leaving the page and coming back keeps the curve. */
    @SuppressWarnings("unchecked")
    private MetricsHistory history() {
        VaadinSession session = VaadinSession.getCurrent();
        Map<String, MetricsHistory> histories = session == null ? null : (Map<String, MetricsHistory>) session.getAttribute("modelport.metrics");
        if (histories == null) {
            histories = new HashMap<>();
            if (session != null) {
                session.setAttribute("modelport.metrics", histories);
            }
        }
        return histories.computeIfAbsent(model.getValue(), name -> new MetricsHistory());
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
