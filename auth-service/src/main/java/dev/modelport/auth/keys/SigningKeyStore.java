package dev.modelport.auth.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signing_key} table; the newest key is the one with the highest id. */
@Repository
class SigningKeyStore {

    /** One key as stored: the public half in X.509 form, the private half sealed. */
    record StoredKey(String kid, byte[] publicKey, KeyCipher.Sealed privateKey, Instant createdAt) {
    }

    /** Arbitrary, fixed: serialises rotations across every auth-service instance. */
    private static final long ROTATION_LOCK = 0x6d70_6b65_7973L;

    private final JdbcClient jdbc;

    SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredKey> newest(int limit) {
        return jdbc.sql("SELECT * FROM signing_key ORDER BY id DESC LIMIT :limit")
                .param("limit", limit)
                .query(this::toKey)
                .list();
    }

    void insert(StoredKey key) {
        jdbc.sql("""
                        INSERT INTO signing_key (kid, public_key, private_key_encrypted, salt, iv, created_at)
                        VALUES (:kid, :publicKey, :privateKey, :salt, :iv, :createdAt)""")
                .param("kid", key.kid())
                .param("publicKey", key.publicKey())
                .param("privateKey", key.privateKey().ciphertext())
                .param("salt", key.privateKey().salt())
                .param("iv", key.privateKey().iv())
                .param("createdAt", OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC))
                .update();
    }

    /** Deletes every key but {@code kept}: retired private keys are not kept around. */
    int retainOnly(List<String> kept) {
        return jdbc.sql("DELETE FROM signing_key WHERE NOT (kid = ANY (:kept))")
                .param("kept", kept.toArray(String[]::new))
                .update();
    }

    /** Holds the rotation lock until the surrounding transaction ends. */
    void lockForRotation() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", ROTATION_LOCK).query().singleRow();
    }

    private StoredKey toKey(ResultSet row, int rowNumber) throws SQLException {
        return new StoredKey(row.getString("kid"), row.getBytes("public_key"),
                new KeyCipher.Sealed(row.getBytes("salt"), row.getBytes("iv"), row.getBytes("private_key_encrypted")),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
