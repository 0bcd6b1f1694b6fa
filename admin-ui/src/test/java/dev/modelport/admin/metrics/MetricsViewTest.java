package dev.modelport.admin.metrics;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.modelport.admin.metrics.MetricsTestData.T1;
import static dev.modelport.admin.metrics.MetricsTestData.T2;
import static dev.modelport.admin.metrics.MetricsTestData.metrics;
import static dev.modelport.admin.metrics.MetricsTestData.point;
import static dev.modelport.admin.metrics.MetricsTestData.version;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Svg;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.metrics.MetricsClient.ModelMetrics;
import dev.modelport.admin.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class MetricsViewTest {

    private final List<String> calls = new ArrayList<>();
    private ModelMetrics answer = metrics(version(1, 42, List.of(point(T1, 20, 1), point(T2, 30, 0))));
    private ApiException failure;
    private final MetricsClient client = new MetricsClient(null) {
        @Override
        ModelMetrics get(String model, String window) {
            calls.add(model + " " + window);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        List<String> modelNames() {
            return List.of("fraud", "iris");
        }
    };

    @Test
    void viewWhenSeriesThenChartsRenderedFromIt() {
        MetricsView view = new MetricsView(client);

        assertThat(calls).containsExactly("iris 15m");
        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.charts.isVisible()).isTrue();
        List<String> svgs = view.charts.getChildren().map(chart -> ((Svg) chart).getElement().getProperty("innerHTML"))
                .toList();
        assertThat(svgs).hasSize(5);
        assertThat(String.join("", svgs)).contains("Requests per second", "Error rate", "Latency v1", "p99",
                "Queue time", "Batch size");
    }

    @Test
    void viewWhenSeriesThenSummaryOverTheWindowWithTheTotal() {
        MetricsView view = new MetricsView(client);

        assertThat(GridKt._size(view.summary)).isEqualTo(1);
        // 50 requests over the 893 s the window has lasted; 1 error of 50; percentiles from the window
        assertThat(GridKt._getFormattedRow(view.summary, 0))
                .containsExactly("v1", "42", "0.06", "2.00 %", "2.10 / 9.00 / 13.00", "0.40", "3.00");
    }

    @Test
    void viewWhenNoTrafficInWindowThenSaysWhatToDoInsteadOfEmptyCharts() {
        answer = metrics(version(1, 42, List.of()));

        MetricsView view = new MetricsView(client);

        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getElement().getTextRecursively())
                .contains("No requests to iris in the last 15 minutes", "Try it");
        assertThat(view.charts.isVisible()).isFalse();
        assertThat(view.charts.getChildren()).isEmpty();
        assertThat(GridKt._getFormattedRow(view.summary, 0)).contains("v1", "42", "0.00", "–");
    }

    @Test
    void windowWhenChangedToAnHourThenAsksForTheHour() {
        MetricsView view = new MetricsView(client);

        _setValue(view.window, "1h");

        assertThat(calls).containsExactly("iris 15m", "iris 1h");
    }

    @Test
    void refreshWhenTrafficArrivesThenEmptyStateGivesWayToCharts() {
        answer = metrics(version(1, 0, List.of()));
        MetricsView view = new MetricsView(client);
        answer = metrics(version(1, 5, List.of(point(T2, 5, 0))));

        view.refresh();

        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.charts.getChildren()).hasSize(5);
    }

    @Test
    void refreshWhenModelDeletedThenSaysItNoLongerExistsAndDropsItsCharts() {
        MetricsView view = new MetricsView(client);
        assertThat(view.charts.getChildren()).isNotEmpty();
        failure = new ApiException(404, "model 'iris' does not exist");

        view.refresh();

        assertThat(view.message.getText()).isEqualTo("Model iris no longer exists. Pick another model.");
        assertThat(view.charts.getChildren()).isEmpty();
        assertThat(GridKt._size(view.summary)).isZero();
    }

    @Test
    void refreshWhenApiFailsOtherwiseThenItsErrorAsItIs() {
        MetricsView view = new MetricsView(client);
        failure = new ApiException(400, "parameter 'window' must be 15m or 1h, not '2h'");

        view.refresh();

        assertThat(view.message.getText()).isEqualTo("parameter 'window' must be 15m or 1h, not '2h'");
    }
}
