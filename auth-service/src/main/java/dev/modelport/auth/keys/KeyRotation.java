package dev.modelport.auth.keys;

import dev.modelport.support.audit.AuditLog;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates signing keys: the first one at start, a new one when the newest is older than the
 * rotation interval (checked at start and every few minutes), and on demand. Instances
 * serialise on a database lock and re-check under it, so a schedule that fires on every
 * instance rotates once.
 */
@Service
public class KeyRotation implements ApplicationRunner, Ordered {

    static final String SYSTEM_ACTOR = "auth-service";
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int KEY_SIZE_BITS = 2048;

    private final SigningKeyStore store;
    private final SigningKeys published;
    private final KeyCipher cipher;
    private final KeyProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    KeyRotation(SigningKeyStore store, SigningKeys published, KeyCipher cipher, KeyProperties properties,
                AuditLog audit, Clock clock, TransactionTemplate transactions) {
        this.store = store;
        this.published = published;
        this.cipher = cipher;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Rotates now, on behalf of {@code actor}; returns the new key's kid. */
    public String rotate(String actor) {
        return transactions.execute(status -> {
            store.lockForRotation();
            return createKey(actor, "on demand");
        });
    }

    /** Rotates if there is no key yet or the newest is due; returns the new kid if it did. */
    Optional<String> rotateIfDue() {
        return Optional.ofNullable(transactions.execute(status -> {
            store.lockForRotation();
            List<SigningKeyStore.StoredKey> newest = store.newest(1);
            if (newest.isEmpty()) {
                return createKey(SYSTEM_ACTOR, "first key");
            }
            Instant due = newest.getFirst().createdAt().plus(properties.keyRotationInterval());
            if (due.isAfter(Instant.now(clock))) {
                retireUntrusted();
                return null;
            }
            return createKey(SYSTEM_ACTOR, "scheduled");
        }));
    }

    @Override
    public void run(ApplicationArguments args) {
        rotateIfDue();
    }

    @Scheduled(initialDelay = 5, fixedDelay = 5, timeUnit = TimeUnit.MINUTES)
    void rotateOnSchedule() {
        rotateIfDue();
    }

    /** Before the bootstrap runners: a started service can sign at once. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private String createKey(String actor, String reason) {
        String previous = store.newest(1).stream().map(SigningKeyStore.StoredKey::kid).findFirst().orElse(null);
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        store.insert(new SigningKeyStore.StoredKey(kid, pair.getPublic().getEncoded(),
                cipher.seal(kid, pair.getPrivate().getEncoded()), Instant.now(clock)));
        retireUntrusted();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("previousKid", previous);
        audit.record(actor, "key.rotate", kid, null, details);
        log.info("Signing key {} is now current ({}; previous {})", kid, reason, previous);
        return kid;
    }

    /** Drops the keys no live token can have been signed with: they are no longer published either. */
    private void retireUntrusted() {
        int retired = store.retainOnly(published.trusted().stream().map(SigningKeyStore.StoredKey::kid).toList());
        if (retired > 0) {
            log.info("Retired {} signing key(s) no live token can have been signed with", retired);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA key generator", e);
        }
    }
}
