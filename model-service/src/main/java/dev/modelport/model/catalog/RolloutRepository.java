package dev.modelport.model.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one {@code rollout} row per model that has ever been rolled out. */
@Repository
class RolloutRepository {

    private final JdbcClient jdbc;

    RolloutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Rollout> find(long modelId) {
        return jdbc.sql("SELECT * FROM rollout WHERE model_id = :id").param("id", modelId)
                .query(this::toRollout).optional();
    }

    void save(long modelId, Rollout rollout) {
        jdbc.sql("""
                        INSERT INTO rollout (model_id, production_version, canary_version, canary_percent, shadow_version,
                            updated_by, updated_at)
                        VALUES (:id, :production, :canary, :percent, :shadow, :by, :at)
                        ON CONFLICT (model_id) DO UPDATE SET production_version = EXCLUDED.production_version,
                            canary_version = EXCLUDED.canary_version, canary_percent = EXCLUDED.canary_percent,
                            shadow_version = EXCLUDED.shadow_version, updated_by = EXCLUDED.updated_by,
                            updated_at = EXCLUDED.updated_at""")
                .param("id", modelId)
                .param("production", rollout.production())
                .param("canary", rollout.canary())
                .param("percent", rollout.canaryPercent())
                .param("shadow", rollout.shadow())
                .param("by", rollout.updatedBy())
                .param("at", ModelRepository.utc(rollout.updatedAt()))
                .update();
    }

    void delete(long modelId) {
        jdbc.sql("DELETE FROM rollout WHERE model_id = :id").param("id", modelId).update();
    }

    private Rollout toRollout(ResultSet row, int rowNumber) throws SQLException {
        return new Rollout(
                (Integer) row.getObject("production_version"),
                (Integer) row.getObject("canary_version"),
                row.getInt("canary_percent"),
                (Integer) row.getObject("shadow_version"),
                row.getString("updated_by"),
                row.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
