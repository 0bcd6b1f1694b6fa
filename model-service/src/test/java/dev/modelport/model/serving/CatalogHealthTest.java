package dev.modelport.model.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.modelport.model.inference.DeployedModels;
import dev.modelport.model.inference.DeployedModels.CatalogSync;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CatalogHealthTest {

    private final DeployedModels deployed = mock(DeployedModels.class);
    private final CatalogHealth health = new CatalogHealth(deployed);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void healthWhenCatalogUnreachableAfterASyncThenUpDegradedWithSinceWhenAndGaugeZero() {
        health.bindTo(registry);
        when(deployed.synced()).thenReturn(true);
        when(deployed.catalogSync()).thenReturn(new CatalogSync(Instant.parse("2026-12-03T08:00:00Z"),
                Instant.parse("2026-12-03T08:00:30Z"), "Connection refused", null));

        Health answer = health.health();

        assertThat(answer.getStatus()).as("the worker serves: not DOWN").isEqualTo(Status.UP);
        assertThat(answer.getDetails())
                .containsEntry("reachable", false)
                .containsEntry("serving", "the last rollouts it read (degraded)")
                .containsEntry("lastSync", "2026-12-03T08:00:00Z")
                .containsEntry("unreachableSince", "2026-12-03T08:00:30Z")
                .containsEntry("error", "Connection refused");
        assertThat(registry.get("modelport.catalog.reachable").gauge().value()).isZero();
    }

    @Test
    void healthWhenLastSyncReadTheCatalogThenReachableAndGaugeOne() {
        health.bindTo(registry);
        when(deployed.synced()).thenReturn(true);
        when(deployed.catalogSync()).thenReturn(new CatalogSync(Instant.parse("2026-12-03T08:01:00Z"), null, null, null));

        assertThat(health.health().getDetails()).containsEntry("reachable", true)
                .containsEntry("serving", "the catalog's rollouts").doesNotContainKey("unreachableSince");
        assertThat(registry.get("modelport.catalog.reachable").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void healthWhenStartedFromTheLocalSnapshotThenUpDegradedNamingTheSnapshotsTime() {
        health.bindTo(registry);
        when(deployed.synced()).thenReturn(true);
        when(deployed.catalogSync()).thenReturn(new CatalogSync(null, Instant.parse("2026-12-03T09:00:00Z"),
                "Connection refused", Instant.parse("2026-12-03T08:55:00Z")));

        Health answer = health.health();

        assertThat(answer.getStatus()).isEqualTo(Status.UP);
        assertThat(answer.getDetails())
                .containsEntry("reachable", false)
                .containsEntry("serving", "the local rollout snapshot (degraded: started while the catalog was unreachable)")
                .containsEntry("snapshotReadAt", "2026-12-03T08:55:00Z")
                .containsEntry("unreachableSince", "2026-12-03T09:00:00Z")
                .doesNotContainKey("lastSync");
        assertThat(registry.get("modelport.catalog.reachable").gauge().value()).isZero();
    }
}
