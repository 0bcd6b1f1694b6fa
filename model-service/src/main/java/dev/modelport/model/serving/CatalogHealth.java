package dev.modelport.model.serving;

import dev.modelport.model.inference.DeployedModels;
import dev.modelport.model.inference.DeployedModels.CatalogSync;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code catalog} entry of {@code /actuator/health} and the gauge {@code modelport_catalog_reachable}:
 * whether this worker's last sync read the catalog, and if not, since when it serves the rollout it
 * last knew (or, when it started while the catalog was unreachable, the local snapshot's). It stays UP while degraded: the worker serves, and only management calls need the database.
 */
@Component("catalogHealthIndicator") // the health component is named "catalog"
class CatalogHealth implements HealthIndicator, MeterBinder {

    private final DeployedModels deployed;

    CatalogHealth(DeployedModels deployed) {
        this.deployed = deployed;
    }

    @Override
    public Health health() {
        CatalogSync sync = deployed.catalogSync();
        Health.Builder health = Health.up()
                .withDetail("reachable", sync.reachable())
                .withDetail("serving", serving(sync));
        if (sync.fromSnapshot()) {
            health.withDetail("snapshotReadAt", sync.snapshotReadAt().toString());
        }
        if (sync.lastSuccess() != null) {
            health.withDetail("lastSync", sync.lastSuccess().toString());
        }
        if (sync.failingSince() != null) {
            health.withDetail("unreachableSince", sync.failingSince().toString())
                    .withDetail("error", String.valueOf(sync.lastError()));
        }
        return health.build();
    }

    private String serving(CatalogSync sync) {
        if (sync.reachable()) {
            return "the catalog's rollouts";
        }
        if (sync.fromSnapshot()) {
            return "the local rollout snapshot (degraded: started while the catalog was unreachable)";
        }
        return deployed.synced() ? "the last rollouts it read (degraded)" : "nothing yet";
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("modelport.catalog.reachable", deployed, models -> models.catalogSync().reachable() ? 1 : 0)
                .description("1 while this worker's last sync read the catalog; 0 while it serves the last rollouts it read")
                .register(registry);
    }
}
