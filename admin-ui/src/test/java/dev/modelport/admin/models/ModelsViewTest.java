package dev.modelport.admin.models;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import dev.modelport.admin.MockVaadinExtension;
import dev.modelport.admin.models.ModelRecords.Rollout;
import dev.modelport.admin.platform.ApiException;
import dev.modelport.admin.workers.WorkersClient.LoadedVersion;
import dev.modelport.admin.workers.WorkersClient.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MockVaadinExtension.class)
class ModelsViewTest {

    private final StubModelsClient models = new StubModelsClient();

    @Test
    void viewWhenNoModelsThenEmptyStateInvitesUpload() {
        ModelsView view = new ModelsView(models);

        assertThat(view.emptyState.isVisible()).isTrue();
        assertThat(view.emptyState.getElement().getTextRecursively()).contains("No models yet — upload one");
        assertThat(view.models.isVisible()).isFalse();
    }

    @Test
    void viewWhenModelsThenShowsProductionAndSplit() {
        models.models.add(ModelsTestData.iris(new Rollout(2, 3, 20, 4, "admin", null)));
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._size(view.models)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("iris", "demo, tabular", "v2",
                "v2 80 % · v3 20 % (canary) · v4 shadow");
    }

    @Test
    void viewWhenEveryWorkerInServiceHasProductionLoadedThenReady() {
        models.models.add(ModelsTestData.iris(new Rollout(2, 3, 20, null, "admin", null)));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 2), new LoadedVersion("iris", 3))));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 2))));
        models.workers.add(new Worker("w", "http://w", "STARTING", List.of()));
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("ready");
        assertThat(models.workersCalls).isEqualTo(1);
    }

    @Test
    void viewWhenSomeWorkersHaveProductionLoadedThenSaysHowMany() {
        models.models.add(ModelsTestData.iris(new Rollout(2, null, 0, null, "admin", null)));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 2))));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 1))));
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("ready on 1 of 2 workers");
    }

    @Test
    void viewWhenAWorkerCouldNotWarmProductionUpThenServingNotWarmedUpOnThatOne() {
        models.models.add(ModelsTestData.iris(new Rollout(2, null, 0, null, "admin", null)));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 2, false))));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 2, true))));
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("serving, not warmed up on 1 of 2 workers");
    }

    @Test
    void viewWhenNoWorkerHasProductionLoadedThenNotReady() {
        models.models.add(ModelsTestData.iris(new Rollout(2, null, 0, null, "admin", null)));
        models.workers.add(new Worker("w", "http://w", "UP", List.of(new LoadedVersion("iris", 1), new LoadedVersion("fraud", 2))));
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("not ready");
    }

    @Test
    void viewWhenNoProductionVersionThenSaysSo() {
        models.models.add(ModelsTestData.iris(Rollout.NONE));
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("no production version");
    }

    @Test
    void viewWhenWorkersCannotBeListedThenHealthUnknownAndModelsStillShown() {
        models.models.add(ModelsTestData.iris(new Rollout(2, null, 0, null, "admin", null)));
        models.workersFailure = new ApiException(503, "service unavailable; retry after the time in Retry-After");
        ModelsView view = new ModelsView(models);

        assertThat(GridKt._getFormattedRow(view.models, 0)).contains("iris", "unknown");
        assertThat(view.error.isVisible()).isFalse();
    }

    @Test
    void searchWhenTermMatchesTagOnlyThenKeepsModel() {
        models.models.add(ModelsTestData.iris(Rollout.NONE));
        ModelsView view = new ModelsView(models);

        _setValue(view.search, "tabul");
        assertThat(GridKt._size(view.models)).isEqualTo(1);
        _setValue(view.search, "fraud");
        assertThat(GridKt._size(view.models)).isZero();
    }

    @Test
    void viewWhenApiFailsThenShowsItsError() {
        models.failure = new ApiException(403, "insufficient scope");
        ModelsView view = new ModelsView(models);

        assertThat(view.error.getText()).isEqualTo("insufficient scope");
        assertThat(view.emptyState.isVisible()).isFalse();
    }
}
