package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.modelport.model.catalog.Deployment;
import dev.modelport.model.catalog.ModelVersion;
import dev.modelport.model.catalog.Rollout;
import dev.modelport.model.catalog.RolloutService;
import dev.modelport.model.onnx.OnnxMetadata;
import dev.modelport.model.testing.OnnxModels;
import dev.modelport.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker whose catalog goes away keeps what it loaded and records since when it could not sync;
 * one that starts while the catalog is away serves the rollout snapshot an earlier sync kept.
 */
class CatalogSyncTest {

    private static final DataAccessResourceFailureException DOWN = new DataAccessResourceFailureException("Connection refused");

    @TempDir
    Path cache;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final RolloutService rollouts = mock(RolloutService.class);
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<DeployedModels> workers = new ArrayList<>();
    private final List<LoadedVersion> versions = new ArrayList<>();
    private DeployedModels deployed;

    @BeforeEach
    void firstWorker() throws Exception {
        deployed = worker();
    }

    @AfterEach
    void close() {
        workers.forEach(DeployedModels::close);
        versions.forEach(LoadedVersion::retire);
    }

    @Test
    void syncWhenCatalogUnreachableThenDegradedSinceFirstFailureAndRecoversOnNextSync() {
        DataAccessResourceFailureException down = DOWN;
        doThrow(down).when(rollouts).deployments();

        deployed.syncNow();
        assertThat(deployed.synced()).as("never read the catalog: nothing to serve").isFalse();
        assertThat(deployed.catalogSync().reachable()).isFalse();
        assertThat(deployed.catalogSync().lastSuccess()).isNull();

        doReturn(List.of()).when(rollouts).deployments();
        clock.advance(Duration.ofSeconds(5));
        deployed.syncNow();
        Instant firstSuccess = clock.instant();
        assertThat(deployed.synced()).isTrue();
        assertThat(deployed.catalogSync()).isEqualTo(new DeployedModels.CatalogSync(firstSuccess, null, null, null));

        doThrow(down).when(rollouts).deployments();
        clock.advance(Duration.ofSeconds(30));
        deployed.syncNow();
        Instant failedAt = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        deployed.syncNow();
        assertThat(deployed.synced()).as("still serves what it loaded").isTrue();
        assertThat(deployed.catalogSync().reachable()).isFalse();
        assertThat(deployed.catalogSync().lastSuccess()).isEqualTo(firstSuccess);
        assertThat(deployed.catalogSync().failingSince()).as("since the first failure, not the latest").isEqualTo(failedAt);
        assertThat(deployed.catalogSync().lastError()).isEqualTo("Connection refused");

        doReturn(List.of()).when(rollouts).deployments();
        clock.advance(Duration.ofSeconds(30));
        deployed.syncNow();
        assertThat(deployed.catalogSync().reachable()).isTrue();
        assertThat(deployed.catalogSync().lastSuccess()).isEqualTo(clock.instant());
    }

    @Test
    void firstSyncWhenCatalogUnreachableThenServesTheSnapshotAnEarlierSyncKeptUntilTheCatalogAnswers() throws Exception {
        doReturn(List.of(iris(1))).when(rollouts).deployments();
        deployed.syncNow();
        Instant keptAt = clock.instant();
        assertThat(cache.resolve(RolloutSnapshot.FILE_NAME)).isRegularFile();

        clock.advance(Duration.ofMinutes(5));
        doThrow(DOWN).when(rollouts).deployments();
        DeployedModels restarted = worker();
        restarted.syncNow();

        assertThat(restarted.synced()).as("ready to serve what the snapshot names").isTrue();
        assertThat(restarted.route("iris")).map(route -> route.production().key()).contains(new VersionKey("iris", 1));
        assertThat(restarted.catalogSync().fromSnapshot()).isTrue();
        assertThat(restarted.catalogSync().snapshotReadAt()).isEqualTo(keptAt);
        assertThat(restarted.catalogSync().failingSince()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(30));
        doReturn(List.of(iris(2))).when(rollouts).deployments();
        restarted.syncNow();
        assertThat(restarted.route("iris")).map(route -> route.production().key()).contains(new VersionKey("iris", 2));
        assertThat(restarted.loadedVersions()).containsExactly(new VersionKey("iris", 2));
        assertThat(restarted.catalogSync()).isEqualTo(new DeployedModels.CatalogSync(clock.instant(), null, null, null));
    }

    @Test
    void firstSyncWhenCatalogUnreachableAndNoSnapshotOrAnUnreadableOneThenNotSynced() throws Exception {
        doThrow(DOWN).when(rollouts).deployments();
        deployed.syncNow();
        assertThat(deployed.synced()).isFalse();

        Files.writeString(cache.resolve(RolloutSnapshot.FILE_NAME), "{\"readAt\": \"yesterday\", \"deploy");
        DeployedModels restarted = worker();
        restarted.syncNow();
        assertThat(restarted.synced()).as("a torn snapshot is ignored, not served").isFalse();
        assertThat(restarted.catalogSync().fromSnapshot()).isFalse();
    }

    @Test
    void syncWhenWarmUpFailedThenPublishedAsServingNotWarmedUp() throws Exception {
        List<Object> events = new ArrayList<>();
        ModelLoader loader = mock(ModelLoader.class);
        when(loader.load(any())).thenAnswer(call -> loaded(call.getArgument(0), false));
        DeployedModels cold = new DeployedModels(rollouts, loader, new RolloutSnapshot(cache.resolve("other.json"), json),
                events::add, clock);
        workers.add(cold);
        doReturn(List.of(iris(1))).when(rollouts).deployments();

        cold.syncNow();

        assertThat(events).containsExactly(new DeployedModels.LoadedVersionsChanged(
                Set.of(new VersionKey("iris", 1)), Set.of(new VersionKey("iris", 1))));
    }

    private DeployedModels worker() throws Exception {
        ModelLoader loader = mock(ModelLoader.class);
        when(loader.load(any())).thenAnswer(call -> loaded(call.getArgument(0), true));
        DeployedModels worker = new DeployedModels(rollouts, loader,
                new RolloutSnapshot(cache.resolve(RolloutSnapshot.FILE_NAME), json), event -> { }, clock);
        workers.add(worker);
        return worker;
    }

    private LoadedVersion loaded(ModelVersion version, boolean warmedUp) throws Exception {
        var direct = new InferenceProperties.Batching(false, 8, Duration.ofMillis(1), 8, 1, 1);
        LoadedVersion loaded = new LoadedVersion(new VersionKey(version.model(), version.version()),
                EngineFixtures.runner(OnnxModels.addConstant(), EngineFixtures.ADD_CONSTANT),
                EngineFixtures.metrics(new SimpleMeterRegistry()), () -> direct, warmedUp);
        versions.add(loaded);
        return loaded;
    }

    /** The model iris with {@code production} in production, as the catalog lists it. */
    private Deployment iris(int production) {
        ModelVersion version = new ModelVersion("iris", production, "ab".repeat(32), 123, "cli", clock.instant(),
                "v" + production, new OnnxMetadata(8, Map.of("", 13L), "test", "1"), EngineFixtures.ADD_CONSTANT);
        return new Deployment("iris", new Rollout(production, null, 0, null, "cli", clock.instant()), List.of(version));
    }
}
