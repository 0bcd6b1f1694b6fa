package dev.modelport.auth.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The published keys, newest first: the current one (which signs), the previous one, and older
 * ones while tokens they signed may still be live (see {@link #trusted()}). Read from the database on
 * every call so all instances agree on the current key as soon as any of them rotates;
 * only decrypted keys are cached, by kid, since a kid's key never changes. While the database is
 * unreachable the keys last read stay published (no key can rotate then), so resource servers
 * refreshing their JWKS keep verifying the tokens in flight instead of refusing every one. Each
 * call's read runs on a thread of its own ({@value #READER_THREAD}) and the call waits for it at
 * most {@link #READ_WAIT}: the pool's connection timeout (1 s) is longer than a resource server's
 * JWKS read timeout (Nimbus' 500 ms), so no JWKS fetch waits for a database that is gone. Once a
 * read has failed, calls answer from memory at once while one read at a time finds out whether
 * the database is back.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

    /** The current key and the one before it are always published. */
    static final int ALWAYS_PUBLISHED = 2;

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** A bound however often admins rotate: older keys than these are retired regardless. */
    static final int MOST_PUBLISHED = 10;
    /** Resource servers accept a token this long past its expiry (Spring's default clock skew). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final SigningKeyStore store;
    private final KeyCipher cipher;
    private final Duration tokenLifetime;
    private final Clock clock;
    private final Map<String, RSAKey> decrypted = new ConcurrentHashMap<>();
    private volatile List<JWK> lastPublished = List.of();
    /** Set when a read failed and cleared by the read that succeeds again. */
    private volatile boolean unreachable;
    private final AtomicReference<CompletableFuture<List<JWK>>> inFlight = new AtomicReference<>();
    private final AtomicLong reads = new AtomicLong();
    private long publishedRead;

    /** The thread that reads the keys from the database. */
    static final String READER_THREAD = "signing-keys-reader";
    /**
     * How long a call waits for its read before answering with the keys read last. The database
     * answers in milliseconds; the pool waits 1 s for one that is gone, longer than a worker's JWKS
     * fetch waits (Nimbus' 500 ms read timeout: in FaultsIT it timed out and the worker refused
     * valid tokens).
     */
    static final Duration READ_WAIT = Duration.ofMillis(300);

    SigningKeys(SigningKeyStore store, KeyCipher cipher, KeyProperties properties, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.tokenLifetime = properties.accessTokenTtl();
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(published()));
    }

    List<JWK> published() {
        if (lastPublished.isEmpty()) {
            // nothing to fall back on: the first read answers or fails the call
            return read();
        }
        if (unreachable) {
            probeInBackground();
            return lastPublished;
        }
        // a read of its own, never one started earlier: a call after a rotation sees the rotated keys
        CompletableFuture<List<JWK>> reading = readInBackground();
        try {
            return reading.get(READ_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            // the read goes on; if the database is gone, it says so and the next calls do not wait
            return lastPublished;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DataAccessException) {
                return lastPublished;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lastPublished;
        }
    }

    /** While the database is gone: one read at a time finds out whether it is back. */
    private void probeInBackground() {
        CompletableFuture<List<JWK>> started = new CompletableFuture<>();
        if (inFlight.updateAndGet(running -> running != null && !running.isDone() ? running : started) == started) {
            startRead(started);
        }
    }

    private CompletableFuture<List<JWK>> readInBackground() {
        CompletableFuture<List<JWK>> started = new CompletableFuture<>();
        startRead(started);
        return started;
    }

    private void startRead(CompletableFuture<List<JWK>> reading) {
        Thread.ofVirtual().name(READER_THREAD).start(() -> {
            try {
                List<JWK> keys = read();
                if (unreachable) {
                    unreachable = false;
                    log.info("signing keys readable again");
                }
                reading.complete(keys);
            } catch (DataAccessException e) {
                if (!unreachable) {
                    unreachable = true;
                    log.warn("signing keys unreadable ({}); publishing the {} read last until the database answers",
                            e.getMessage(), lastPublished.size());
                }
                reading.completeExceptionally(e);
            } catch (RuntimeException e) {
                reading.completeExceptionally(e);
            }
        });
    }

    private List<JWK> read() {
        long sequence = reads.incrementAndGet();
        List<SigningKeyStore.StoredKey> trusted = trusted();
        decrypted.keySet().retainAll(trusted.stream().map(SigningKeyStore.StoredKey::kid).toList());
        List<JWK> published = trusted.stream().<JWK>map(key -> decrypted.computeIfAbsent(key.kid(), kid -> toJwk(key)))
                .toList();
        synchronized (reads) {
            // reads on their own threads may finish out of order: an older one never replaces a newer one
            if (sequence > publishedRead) {
                publishedRead = sequence;
                lastPublished = published;
            }
        }
        return published;
    }

    /**
     * Newest first: the current key, the previous one, and any older key replaced so recently
     * that a token it signed may still be live. Two rotations within one token lifetime would
     * otherwise cut off tokens in flight.
     */
    List<SigningKeyStore.StoredKey> trusted() {
        return trusted(store.newest(MOST_PUBLISHED), Instant.now(clock), tokenLifetime.plus(CLOCK_SKEW));
    }

    static List<SigningKeyStore.StoredKey> trusted(List<SigningKeyStore.StoredKey> newestFirst, Instant now,
                                                   Duration tokensLiveFor) {
        List<SigningKeyStore.StoredKey> trusted = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            // a key stopped signing when the next one was created
            boolean mayHaveLiveTokens = i < ALWAYS_PUBLISHED
                    || newestFirst.get(i - 1).createdAt().plus(tokensLiveFor).isAfter(now);
            if (!mayHaveLiveTokens) {
                break;
            }
            trusted.add(newestFirst.get(i));
        }
        return trusted;
    }

    private RSAKey toJwk(SigningKeyStore.StoredKey key) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(key.publicKey()));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(cipher.open(key.kid(), key.privateKey())));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(key.createdAt()))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + " in the database is not an RSA key pair", e);
        }
    }
}
