package dev.modelport.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Remembers tokens that passed verification, so a client calling in a loop with the same token
 * pays for one RSA check and claim parse per {@code ttl}, not one per request (a sixth of a
 * worker's CPU per request, a tenth of the gateway's). Envoy's JWT filter caches the same way.
 * A remembered token is answered only while it is unexpired (its own expiry, without the clock
 * skew the full check grants) and for at most {@code ttl} after it was checked, so a key
 * withdrawn from the JWKS stops being honoured within {@code ttl}. Only what a caller hands to
 * {@link #remember} is kept: tokens that fail are never remembered.
 *
 * @param <T> the verified form of a token (a {@code Jwt})
 */
public final class VerifiedTokens<T> {

    private final Duration ttl;
    private final Clock clock;
    private final Function<T, @Nullable Instant> expiry;
    private final Cache<String, Verified<T>> verified;

    private record Verified<T>(T token, Instant until) {
    }

    /**
     * @param ttl how long a check is trusted; positive
     * @param maxTokens how many tokens are remembered at most; positive
     * @param expiry a verified token's expiry, or null when it has none
     */
    public VerifiedTokens(Duration ttl, long maxTokens, Clock clock, Function<T, @Nullable Instant> expiry) {
        this(ttl, maxTokens, clock, expiry, ForkJoinPool.commonPool());
    }

    /** {@code maintenance} runs the evictions past {@code maxTokens} (Caffeine's default pool; tests pass {@code Runnable::run}). */
    VerifiedTokens(Duration ttl, long maxTokens, Clock clock, Function<T, @Nullable Instant> expiry, Executor maintenance) {
        if (ttl.isNegative() || ttl.isZero() || maxTokens <= 0) {
            throw new IllegalArgumentException("a verified-token cache needs a positive ttl and size, got " + ttl + " and " + maxTokens);
        }
        this.ttl = ttl;
        this.clock = clock;
        this.expiry = expiry;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).executor(maintenance).build();
    }

    /** The verified form of {@code token} if it passed within the ttl and is unexpired, else null. */
    public @Nullable T get(String token) {
        Verified<T> hit = verified.getIfPresent(token);
        if (hit == null) {
            return null;
        }
        if (clock.instant().isBefore(hit.until())) {
            return hit.token();
        }
        verified.invalidate(token);
        return null;
    }

    /** Keeps {@code checked}, which just passed the full check, for the ttl (or until it expires); returns it. */
    public T remember(String token, T checked) {
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        Instant expiresAt = expiry.apply(checked);
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (now.isBefore(until)) {
            verified.put(token, new Verified<>(checked, until));
        }
        return checked;
    }
}
