package dev.modelport.model.catalog;

import dev.modelport.model.events.RegistryChanged;
import dev.modelport.support.db.MigrateWhenReachable;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Migrates the catalog's schema at start, unless PostgreSQL cannot be reached then (see
 * {@link MigrateWhenReachable}): a worker that starts during a database outage must still come up
 * and serve its local rollout snapshot. After a late migration it asks for a sync.
 */
@Component
class CatalogSchema implements FlywayMigrationStrategy {

    private final ApplicationEventPublisher publisher;
    private final Duration retryInterval;

    CatalogSchema(ApplicationEventPublisher publisher,
                  @Value("${modelport.registry.migration-retry-interval:5s}") Duration retryInterval) {
        this.publisher = publisher;
        this.retryInterval = retryInterval;
    }

    @Override
    public void migrate(Flyway flyway) {
        MigrateWhenReachable.migrate(flyway, "the catalog", retryInterval,
                () -> publisher.publishEvent(new RegistryChanged(null, RegistryChanged.RECONCILE)));
    }
}
