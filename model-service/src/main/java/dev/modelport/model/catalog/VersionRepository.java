package dev.modelport.model.catalog;

import dev.modelport.model.onnx.OnnxMetadata;
import dev.modelport.model.onnx.Signature;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code model_version}: inserted once, never updated. */
@Repository
class VersionRepository {

    private static final TypeReference<Map<String, Long>> OPSETS = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT v.*, m.name AS model_name FROM model_version v JOIN model m ON m.id = v.model_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VersionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next version number; call with the model row locked. */
    int nextVersion(long modelId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM model_version WHERE model_id = :id")
                .param("id", modelId).query(Integer.class).single();
    }

    void insert(long modelId, ModelVersion version) {
        jdbc.sql("""
                        INSERT INTO model_version (model_id, version, sha256, size_bytes, uploaded_by, uploaded_at,
                            description, ir_version, opsets, producer_name, producer_version, signature)
                        VALUES (:modelId, :version, :sha, :size, :uploadedBy, :uploadedAt, :description, :irVersion,
                            CAST(:opsets AS jsonb), :producerName, :producerVersion, CAST(:signature AS jsonb))""")
                .param("modelId", modelId)
                .param("version", version.version())
                .param("sha", version.sha256())
                .param("size", version.sizeBytes())
                .param("uploadedBy", version.uploadedBy())
                .param("uploadedAt", ModelRepository.utc(version.uploadedAt()))
                .param("description", version.description())
                .param("irVersion", version.onnx().irVersion())
                .param("opsets", json.writeValueAsString(version.onnx().opsets()))
                .param("producerName", version.onnx().producerName())
                .param("producerVersion", version.onnx().producerVersion())
                .param("signature", json.writeValueAsString(version.signature()))
                .update();
    }

    Optional<ModelVersion> find(long modelId, int version) {
        return jdbc.sql(SELECT + " WHERE v.model_id = :id AND v.version = :version")
                .param("id", modelId).param("version", version)
                .query(this::toVersion).optional();
    }

    List<ModelVersion> findAll(long modelId) {
        return jdbc.sql(SELECT + " WHERE v.model_id = :id ORDER BY v.version").param("id", modelId)
                .query(this::toVersion).list();
    }

    /** Version count and latest version of a model. */
    int[] countAndLatest(long modelId) {
        return jdbc.sql("SELECT count(*), COALESCE(MAX(version), 0) FROM model_version WHERE model_id = :id")
                .param("id", modelId)
                .query((row, n) -> new int[] {row.getInt(1), row.getInt(2)}).single();
    }

    List<String> shasOf(long modelId) {
        return jdbc.sql("SELECT DISTINCT sha256 FROM model_version WHERE model_id = :id").param("id", modelId)
                .query(String.class).list();
    }

    void delete(long modelId, int version) {
        jdbc.sql("DELETE FROM model_version WHERE model_id = :id AND version = :version")
                .param("id", modelId).param("version", version).update();
    }

    private ModelVersion toVersion(ResultSet row, int rowNumber) throws SQLException {
        return new ModelVersion(
                row.getString("model_name"),
                row.getInt("version"),
                row.getString("sha256"),
                row.getLong("size_bytes"),
                row.getString("uploaded_by"),
                row.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                row.getString("description"),
                new OnnxMetadata(row.getLong("ir_version"), json.readValue(row.getString("opsets"), OPSETS),
                        row.getString("producer_name"), row.getString("producer_version")),
                json.readValue(row.getString("signature"), Signature.class));
    }
}
