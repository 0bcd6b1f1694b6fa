package dev.modelport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.modelport.auth.AuthServiceIntegrationTest;
import dev.modelport.support.audit.AuditLog;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

class KeyRotationTest extends AuthServiceIntegrationTest {

    @Autowired
    SigningKeyStore store;
    @Autowired
    SigningKeys published;
    @Autowired
    KeyCipher cipher;
    @Autowired
    KeyProperties properties;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rotateWhenRequestedThenNewTokensUseNewKidAndOldTokensStillVerify() throws Exception {
        String before = adminToken();
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        HttpResponse<String> response = api("POST", "/api/keys/rotate", adminToken(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        String newKid = (String) read(response.body()).get("kid");
        assertThat(newKid).isNotBlank().isNotEqualTo(oldKid);
        assertThat(publishedKids()).startsWith(newKid, oldKid);
        assertThat(verifiesAgainstJwks(before)).isTrue();
        String after = adminToken();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(verifiesAgainstJwks(after)).isTrue();
        // the management API itself accepts tokens signed with the previous key
        assertThat(api("GET", "/api/clients", before, null).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT actor FROM audit.audit_record WHERE action = 'key.rotate' AND target = :kid")
                .param("kid", newKid).query(String.class).list()).containsExactly("modelport-cli");
    }

    @Test
    void rotateWhenTwiceWithinATokenLifetimeThenTokensOfTheOldestKeyStillVerify() throws Exception {
        String signedByOldest = adminToken();
        String oldest = SignedJWT.parse(signedByOldest).getHeader().getKeyID();
        String second = (String) read(api("POST", "/api/keys/rotate", adminToken(), null).body()).get("kid");
        String third = (String) read(api("POST", "/api/keys/rotate", adminToken(), null).body()).get("kid");

        assertThat(publishedKids()).startsWith(third, second, oldest);
        assertThat(verifiesAgainstJwks(signedByOldest)).isTrue();
        assertThat(api("GET", "/api/clients", signedByOldest, null).statusCode()).isEqualTo(200);
    }

    @Test
    void retireWhenReplacedLongerThanATokenLifetimeAgoThenOnlyCurrentAndPreviousRemain() throws Exception {
        api("POST", "/api/keys/rotate", adminToken(), null);
        api("POST", "/api/keys/rotate", adminToken(), null);
        String current = (String) read(api("POST", "/api/keys/rotate", adminToken(), null).body()).get("kid");
        // every key but the current one was replaced an hour ago, as far as the clock can tell
        jdbc.sql("UPDATE signing_key SET created_at = created_at - interval '1 hour' WHERE kid <> :kid")
                .param("kid", current).update();
        List<String> newestTwo = store.newest(2).stream().map(SigningKeyStore.StoredKey::kid).toList();

        assertThat(publishedKids()).containsExactlyElementsOf(newestTwo);
        new KeyRotation(store, published, cipher, properties, audit, Clock.systemUTC(), transactions).rotateIfDue();
        assertThat(jdbc.sql("SELECT kid FROM signing_key ORDER BY id DESC").query(String.class).list())
                .as("retired keys are deleted, private halves and all").containsExactlyElementsOf(newestTwo);
    }

    @Test
    void trustedWhenKeysReplacedAtDifferentTimesThenOlderOnesOnlyWhileTokensMayLive() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        List<SigningKeyStore.StoredKey> keys = List.of(key("d", now.minusSeconds(60)), key("c", now.minusSeconds(600)),
                key("b", now.minusSeconds(1000)), key("a", now.minusSeconds(5000)));

        // b stopped signing when c was created, 600 s ago: live for 16 min, so kept; a stopped 1000 s ago
        assertThat(SigningKeys.trusted(keys, now, Duration.ofMinutes(16))).extracting(SigningKeyStore.StoredKey::kid)
                .containsExactly("d", "c", "b");
        assertThat(SigningKeys.trusted(keys, now, Duration.ofMinutes(5))).extracting(SigningKeyStore.StoredKey::kid)
                .as("current and previous always").containsExactly("d", "c");
        assertThat(SigningKeys.trusted(keys, now, Duration.ofMinutes(30))).extracting(SigningKeyStore.StoredKey::kid)
                .containsExactly("d", "c", "b", "a");
    }

    private static SigningKeyStore.StoredKey key(String kid, Instant created) {
        return new SigningKeyStore.StoredKey(kid, new byte[0], new KeyCipher.Sealed(new byte[0], new byte[0], new byte[0]), created);
    }

    @Test
    void rotateIfDueWhenNewestKeyOlderThanIntervalThenAnotherInstanceRotatesAndAllAgree() throws Exception {
        KeyRotation sameTime = new KeyRotation(store, published, cipher, properties, audit, Clock.systemUTC(), transactions);
        assertThat(sameTime.rotateIfDue()).isEmpty();

        Clock later = Clock.offset(Clock.systemUTC(), properties.keyRotationInterval().plus(Duration.ofMinutes(1)));
        KeyRotation otherInstance = new KeyRotation(store, published, cipher, properties, audit, later, transactions);
        String kid = otherInstance.rotateIfDue().orElseThrow();

        assertThat(SignedJWT.parse(adminToken()).getHeader().getKeyID()).isEqualTo(kid);
        assertThat(publishedKids().getFirst()).isEqualTo(kid);
        assertThat(jdbc.sql("SELECT actor FROM audit.audit_record WHERE action = 'key.rotate' AND target = :kid")
                .param("kid", kid).query(String.class).single()).isEqualTo("auth-service");
    }

    @Test
    void storedPrivateKeyWhenReadThenOnlyTheConfiguredSecretOpensIt() throws Exception {
        SigningKeyStore.StoredKey stored = store.newest(1).getFirst();

        byte[] pkcs8 = cipher.open(stored.kid(), stored.privateKey());
        assertThat(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8))).isNotNull();
        assertThat(stored.privateKey().ciphertext()).isNotEqualTo(pkcs8);
        assertThatThrownBy(() -> new KeyCipher("another-secret").open(stored.kid(), stored.privateKey()))
                .hasMessageContaining("MODELPORT_KEY_ENCRYPTION_SECRET");
        assertThatThrownBy(() -> cipher.open("another-kid", stored.privateKey()))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<String> publishedKids() throws Exception {
        return JWKSet.parse(get("/oauth2/jwks").body()).getKeys().stream().map(JWK::getKeyID).toList();
    }
}
