package dev.modelport.model.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import dev.modelport.model.catalog.RolloutService;
import dev.modelport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** A worker whose catalog goes away keeps what it loaded and records since when it could not sync. */
class CatalogSyncTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
    private final RolloutService rollouts = mock(RolloutService.class);
    private final DeployedModels deployed = new DeployedModels(rollouts, mock(ModelLoader.class), event -> { }, clock);

    @AfterEach
    void close() {
        deployed.close();
    }

    @Test
    void syncWhenCatalogUnreachableThenDegradedSinceFirstFailureAndRecoversOnNextSync() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("Connection refused");
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
        assertThat(deployed.catalogSync()).isEqualTo(new DeployedModels.CatalogSync(firstSuccess, null, null));

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
}
