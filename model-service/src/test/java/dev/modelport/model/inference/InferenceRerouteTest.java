package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rollout change swaps a model's route, then retires the versions the new route no longer names.
 * A request that read the old route just before the swap finds its version retired: it reads the
 * route again and runs on the new version instead of answering 503 (FaultsIT saw that 503 under
 * 50 requests/s and twenty changes).
 */
class InferenceRerouteTest {

    private final List<LoadedVersion> loaded = new ArrayList<>();
    private final DeployedModels deployed = mock(DeployedModels.class);
    private final InferenceService inference = new InferenceService(deployed,
            EngineFixtures.metrics(new SimpleMeterRegistry()), EngineFixtures.properties());

    @AfterEach
    void close() throws Exception {
        inference.close();
        loaded.forEach(LoadedVersion::retire);
    }

    @Test
    void inferWhenPickedVersionRetiredMeanwhileThenRunsOnTheRouteThatReplacedIt() throws Exception {
        LoadedVersion old = version(1);
        LoadedVersion current = version(2);
        old.retire();
        when(deployed.route("m")).thenReturn(Optional.of(route(old)), Optional.of(route(current)));

        InferenceResult result = inference.infer("m", null, request()).get(10, TimeUnit.SECONDS);

        assertThat(result.version()).isEqualTo(2);
        verify(deployed, times(2)).route("m");
    }

    @Test
    void inferWhenEveryRouteReadNamesARetiredVersionThenNotReadyAfterAFewReads() throws Exception {
        LoadedVersion old = version(1);
        old.retire();
        when(deployed.route("m")).thenReturn(Optional.of(route(old)));

        assertThatThrownBy(() -> inference.infer("m", null, request()))
                .isInstanceOfSatisfying(InferenceException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InferenceException.Reason.NOT_READY);
                    assertThat(e.getMessage()).isEqualTo("model m:1 is being unloaded; retry");
                });
        verify(deployed, times(InferenceService.ROUTE_READS)).route("m");
    }

    private static ModelRoute route(LoadedVersion production) {
        return new ModelRoute(production, null, 0, null, Map.of(production.key().version(), production));
    }

    private static InferenceRequest request() {
        return new InferenceRequest("r-1", List.of(EngineFixtures.rows("x", 1, 0f)), null, null, null);
    }

    private LoadedVersion version(int number) throws Exception {
        LoadedVersion version = EngineFixtures.directVersion(new VersionKey("m", number));
        loaded.add(version);
        return version;
    }
}
