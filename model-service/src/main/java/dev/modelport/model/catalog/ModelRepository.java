package dev.modelport.model.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code model}; ids stay inside the catalog package. */
@Repository
class ModelRepository {

    /** A model row with its database id. */
    record Row(long id, Model model) {
    }

    private final JdbcClient jdbc;

    ModelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the name exists; empty when another upload or create got there first. */
    Optional<Row> insertIfAbsent(Model model) {
        return jdbc.sql("""
                        INSERT INTO model (name, description, tags, owner, created_at, updated_at)
                        VALUES (:name, :description, :tags, :owner, :created, :updated)
                        ON CONFLICT (name) DO NOTHING RETURNING id""")
                .param("name", model.name())
                .param("description", model.description())
                .param("tags", model.tags().toArray(String[]::new))
                .param("owner", model.owner())
                .param("created", utc(model.createdAt()))
                .param("updated", utc(model.updatedAt()))
                .query(Long.class).optional()
                .map(id -> new Row(id, model));
    }

    Optional<Row> find(String name) {
        return jdbc.sql("SELECT * FROM model WHERE name = :name").param("name", name).query(this::toRow).optional();
    }

    /** The row, locked until the transaction ends: serialises version numbering and rollout changes. */
    Optional<Row> lock(String name) {
        return jdbc.sql("SELECT * FROM model WHERE name = :name FOR UPDATE").param("name", name)
                .query(this::toRow).optional();
    }

    List<Row> findAll() {
        return jdbc.sql("SELECT * FROM model ORDER BY name").query(this::toRow).list();
    }

    void update(long id, String description, List<String> tags, Instant updatedAt) {
        jdbc.sql("UPDATE model SET description = :description, tags = :tags, updated_at = :updated WHERE id = :id")
                .param("description", description)
                .param("tags", tags.toArray(String[]::new))
                .param("updated", utc(updatedAt))
                .param("id", id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM model WHERE id = :id").param("id", id).update();
    }

    private Row toRow(ResultSet row, int rowNumber) throws SQLException {
        Array tags = row.getArray("tags");
        return new Row(row.getLong("id"), new Model(
                row.getString("name"),
                row.getString("description"),
                Arrays.asList((String[]) tags.getArray()),
                row.getString("owner"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
