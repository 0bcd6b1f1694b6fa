package dev.modelport.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.modelport.model.events.RegistryChanged;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** A worker starting during a database outage starts anyway and migrates once PostgreSQL answers; a bad script still stops it. */
class CatalogSchemaTest {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final CatalogSchema schema = new CatalogSchema(events::add, Duration.ofMillis(10));
    private final Flyway flyway = mock(Flyway.class);

    @Test
    void migrateWhenDatabaseUnreachableThenStartsAndMigratesInTheBackgroundOnceItAnswers() {
        FlywayException unreachable = new FlywayException("Unable to obtain connection from database",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"));
        when(flyway.migrate()).thenThrow(unreachable).thenThrow(unreachable).thenReturn(null);

        schema.migrate(flyway);

        await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
        verify(flyway, times(3)).migrate();
        assertThat(events).containsExactly(new RegistryChanged(null, RegistryChanged.RECONCILE));
    }

    @Test
    void migrateWhenAScriptFailsThenTheStartFails() {
        when(flyway.migrate()).thenThrow(new FlywayException("Migration V7__bad.sql failed: syntax error at or near \"TABEL\""));

        assertThatThrownBy(() -> schema.migrate(flyway)).hasMessageContaining("V7__bad.sql");
        assertThat(events).isEmpty();
    }
}
