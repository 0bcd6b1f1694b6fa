package dev.modelport.support.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's audit trail in PostgreSQL (schema {@code audit}). {@link #record} joins the
 * caller's transaction, so a change and its audit record commit or roll back together. Each
 * record keeps the models it reaches, so a model-limited caller reads only its own records.
 */
public class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    /**
     * Which records to read: each filter is optional (null or blank: any). {@code action} matches
     * an action or, as a prefix, its family ({@code login} matches {@code login.failure}).
     */
    public record Query(String model, String actor, String action, int page, int size) {
    }

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

    /** Records a change; {@code model} may be null when the change is not about one model (then platform-wide). */
    public void record(String actor, String action, String target, String model, Map<String, Object> details) {
        insert(actor, action, target, model, model == null ? null : List.of(model), details);
    }

    /**
     * Records a change that reaches some models without being about one, such as a client limited to
     * {@code reach}; null means every model, so only platform admins read it.
     */
    public void recordReaching(String actor, String action, String target, Collection<String> reach,
                               Map<String, Object> details) {
        insert(actor, action, target, null, reach, details);
    }

    private void insert(String actor, String action, String target, String model, Collection<String> reach,
                        Map<String, Object> details) {
        jdbc.sql("""
                        INSERT INTO audit.audit_record (occurred_at, actor, action, target, model, reach, details)
                        VALUES (:time, :actor, :action, :target, :model, :reach, CAST(:details AS jsonb))""")
                .param("time", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("model", model)
                .param("reach", reach == null ? null : reach.stream().sorted().toArray(String[]::new))
                .param("details", json.writeValueAsString(details))
                .update();
    }

    /** Every record matching {@code query}, newest first. */
    public Page find(Query query) {
        return find(query, Optional.empty());
    }

    /**
     * Records matching {@code query}, newest first, that lie inside {@code within} (a caller's model
     * list: only records whose every model is on it; empty: every record).
     */
    public Page find(Query query, Optional<Set<String>> within) {
        String where = """
                 WHERE (CAST(:model AS text) IS NULL OR model = :model)
                 AND (CAST(:actor AS text) IS NULL OR actor = :actor)
                 AND (CAST(:action AS text) IS NULL OR action = CAST(:action AS text)
                      OR left(action, length(CAST(:action AS text)) + 1) = CAST(:action AS text) || '.')
                 AND (NOT :limited OR (reach IS NOT NULL AND reach <@ CAST(:within AS text[])))""";
        String[] allowed = within.map(models -> models.toArray(String[]::new)).orElse(new String[0]);
        long total = bind(jdbc.sql("SELECT count(*) FROM audit.audit_record " + where), query, within, allowed)
                .query(Long.class).single();
        List<AuditRecord> records = bind(jdbc.sql("SELECT * FROM audit.audit_record " + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :size OFFSET :offset"), query, within, allowed)
                .param("size", query.size()).param("offset", (long) query.page() * query.size())
                .query(this::toRecord).list();
        return new Page(records, query.page(), query.size(), total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Query query,
                                                 Optional<Set<String>> within, String[] allowed) {
        return statement.param("model", orNull(query.model()))
                .param("actor", orNull(query.actor()))
                .param("action", orNull(query.action()))
                .param("limited", within.isPresent())
                .param("within", allowed);
    }

    private static String orNull(String filter) {
        return StringUtils.hasText(filter) ? filter : null;
    }

    private AuditRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        Array reach = row.getArray("reach");
        return new AuditRecord(row.getLong("id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getString("actor"), row.getString("action"), row.getString("target"), row.getString("model"),
                reach == null ? null : List.of((String[]) reach.getArray()),
                json.readValue(row.getString("details"), DETAILS));
    }
}
