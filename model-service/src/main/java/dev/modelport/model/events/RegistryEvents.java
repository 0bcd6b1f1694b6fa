package dev.modelport.model.events;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells every model-service instance about a registry change through PostgreSQL
 * {@code NOTIFY}: sent inside the caller's transaction, so it is delivered only if the change
 * commits. No broker is needed, and a periodic reconcile covers anything missed.
 */
@Component
public class RegistryEvents {

    static final String CHANNEL = "modelport_registry";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RegistryEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void changed(String model, String change) {
        String payload = json.writeValueAsString(Map.of("model", model, "change", change));
        jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL).param("payload", payload)
                .query((row, n) -> 0).list();
    }
}
