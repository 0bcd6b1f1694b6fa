package dev.modelport.auth.clients;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

/** The {@code api_client} table, read together with the registered client's scopes. */
@Repository
class ApiClientStore {

    private static final String SELECT = """
            SELECT a.client_id, a.name, a.models, a.tier, a.created_by, a.created_at, a.revoked_at, r.scopes
            FROM api_client a JOIN oauth2_registered_client r ON r.id = a.registered_client_id""";

    /** Arbitrary, fixed: instances starting together bootstrap one after the other. */
    private static final long BOOTSTRAP_LOCK = 0x6d70_636c_6e74L;

    private final JdbcClient jdbc;

    ApiClientStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ApiClient> findAll() {
        return jdbc.sql(SELECT + " ORDER BY a.created_at, a.client_id").query(this::toClient).list();
    }

    Optional<ApiClient> find(String clientId) {
        return jdbc.sql(SELECT + " WHERE a.client_id = :clientId").param("clientId", clientId)
                .query(this::toClient).optional();
    }

    boolean isRevoked(String clientId) {
        return jdbc.sql("SELECT count(*) FROM api_client WHERE client_id = :clientId AND revoked_at IS NOT NULL")
                .param("clientId", clientId).query(Long.class).single() > 0;
    }

    void insert(ApiClient client, String registeredClientId) {
        jdbc.sql("""
                        INSERT INTO api_client (client_id, registered_client_id, name, models, tier, created_by, created_at)
                        VALUES (:clientId, :registeredClientId, :name, :models, :tier, :createdBy, :createdAt)""")
                .param("clientId", client.clientId())
                .param("registeredClientId", registeredClientId)
                .param("name", client.name())
                .param("models", client.models() == null ? null : client.models().toArray(String[]::new))
                .param("tier", client.tier())
                .param("createdBy", client.createdBy())
                .param("createdAt", utc(client.createdAt()))
                .update();
    }

    void updateTier(String clientId, String tier) {
        jdbc.sql("UPDATE api_client SET tier = :tier WHERE client_id = :clientId")
                .param("tier", tier).param("clientId", clientId)
                .update();
    }

    void markRevoked(String clientId, String actor, Instant at) {
        jdbc.sql("UPDATE api_client SET revoked_at = :at, revoked_by = :actor WHERE client_id = :clientId")
                .param("at", utc(at)).param("actor", actor).param("clientId", clientId)
                .update();
    }

    /** Drops the client's stored authorizations, refresh tokens included. */
    void deleteAuthorizations(String clientId) {
        jdbc.sql("""
                        DELETE FROM oauth2_authorization WHERE registered_client_id =
                            (SELECT registered_client_id FROM api_client WHERE client_id = :clientId)""")
                .param("clientId", clientId)
                .update();
    }

    /** Holds the bootstrap lock until the surrounding transaction ends. */
    void lockForBootstrap() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", BOOTSTRAP_LOCK).query().singleRow();
    }

    private ApiClient toClient(ResultSet row, int rowNumber) throws SQLException {
        Array models = row.getArray("models");
        OffsetDateTime revokedAt = row.getObject("revoked_at", OffsetDateTime.class);
        return new ApiClient(row.getString("client_id"), row.getString("name"),
                StringUtils.commaDelimitedListToSet(row.getString("scopes")),
                models == null ? null : List.of((String[]) models.getArray()),
                row.getString("tier"), row.getString("created_by"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                revokedAt == null ? null : revokedAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
