package dev.modelport.admin.workers;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.platform.ApiException;
import dev.modelport.admin.workers.WorkersClient.LoadedVersion;
import dev.modelport.admin.workers.WorkersClient.Worker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class WorkersViewTest {

    private final List<Worker> registered = new ArrayList<>();
    private ApiException failure;
    private final WorkersClient client = new WorkersClient(null) {
        @Override
        public List<Worker> list() {
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(registered);
        }
    };

    @Test
    void viewWhenWorkersThenOneRowEachWithStatusAndLoadedVersions() {
        registered.add(new Worker("host:model-service:8081", "http://localhost:8081", "UP",
                List.of(new LoadedVersion("iris", 2), new LoadedVersion("fraud", 7, false))));
        registered.add(new Worker("host:model-service:8082", "http://localhost:8082", "STARTING", List.of()));
        WorkersView view = new WorkersView(client);

        assertThat(GridKt._size(view.workers)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(view.workers, 0)).containsExactly(
                "host:model-service:8081", "http://localhost:8081", "UP", "iris v2, fraud v7 (serving, not warmed up)");
        assertThat(GridKt._getFormattedRow(view.workers, 1)).containsExactly(
                "host:model-service:8082", "http://localhost:8082", "STARTING", "nothing");
        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.message.isVisible()).isFalse();
    }

    @Test
    void viewWhenNoWorkerThenEmptyStateSaysHowToStartOne() {
        WorkersView view = new WorkersView(client);

        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getText()).startsWith("No worker has registered yet.").contains("bin/platform up");
        assertThat(view.workers.isVisible()).isFalse();
    }

    @Test
    void refreshWhenWorkerRegisteredSinceThenListedAndEmptyStateGone() {
        WorkersView view = new WorkersView(client);
        registered.add(new Worker("w1", "http://localhost:8081", "UP", null));

        _click(view.refresh);

        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.workers.isVisible()).isTrue();
        assertThat(GridKt._getFormattedRow(view.workers, 0)).containsExactly("w1", "http://localhost:8081", "UP", "nothing");
    }

    @Test
    void viewWhenGatewayFindsNoWorkerThenSaysNoneAnswersInsteadOfEmptyState() {
        failure = new ApiException(503, "service unavailable; retry after the time in Retry-After");
        WorkersView view = new WorkersView(client);

        assertThat(view.message.getText()).startsWith("No worker answers right now (service unavailable")
                .contains("bin/platform up");
        assertThat(view.emptyState.isVisible()).isFalse();
        assertThat(view.workers.isVisible()).isFalse();
    }

    @Test
    void viewWhenApiFailsThenItsErrorAsItIs() {
        failure = new ApiException(500, "internal error; see the model-service log");
        WorkersView view = new WorkersView(client);

        assertThat(view.message.getText()).isEqualTo("internal error; see the model-service log");
        assertThat(view.emptyState.isVisible()).isFalse();
    }
}
