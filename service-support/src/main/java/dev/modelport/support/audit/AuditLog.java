package dev.modelport.support.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's audit trail in PostgreSQL (schema {@code audit}). {@link #record} joins the
 * caller's transaction, so a change and its audit record commit or roll back together.
 */
public class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    /** A page of records, newest first, and how many match in all. */
    public record Page(List<AuditRecord> records, int page, int size, long total) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a change; {@code model} may be null when the change is not about one model. */
    public void record(String actor, String action, String target, String model, Map<String, Object> details) {
        jdbc.sql("""
                        INSERT INTO audit.audit_record (occurred_at, actor, action, target, model, details)
                        VALUES (:time, :actor, :action, :target, :model, CAST(:details AS jsonb))""")
                .param("time", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("model", model)
                .param("details", json.writeValueAsString(details))
                .update();
    }

    /** Records newest first, optionally only those about {@code model} and/or by {@code actor}. */
    public Page find(String model, String actor, int page, int size) {
        String where = " WHERE (CAST(:model AS text) IS NULL OR model = :model)"
                + " AND (CAST(:actor AS text) IS NULL OR actor = :actor)";
        String modelFilter = StringUtils.hasText(model) ? model : null;
        String actorFilter = StringUtils.hasText(actor) ? actor : null;
        long total = jdbc.sql("SELECT count(*) FROM audit.audit_record" + where)
                .param("model", modelFilter).param("actor", actorFilter)
                .query(Long.class).single();
        List<AuditRecord> records = jdbc.sql("SELECT * FROM audit.audit_record" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :size OFFSET :offset")
                .param("model", modelFilter).param("actor", actorFilter)
                .param("size", size).param("offset", (long) page * size)
                .query(this::toRecord).list();
        return new Page(records, page, size, total);
    }

    private AuditRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        return new AuditRecord(row.getLong("id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"), row.getString("action"), row.getString("target"), row.getString("model"),
                json.readValue(row.getString("details"), DETAILS));
    }
}
