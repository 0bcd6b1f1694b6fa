package dev.modelport.model.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens that passed verification, so a client calling in a loop with the same token
 * pays for one RSA check and claim parse per {@code ttl}, not one per request (on a small worker
 * that was a sixth of a request's CPU). Envoy's JWT filter caches the same way. A cached token
 * is answered only while it is unexpired (its {@code exp}, without the clock-skew allowance the
 * full check grants) and for at most {@code ttl} after it was checked, so a key withdrawn from
 * the JWKS stops being honoured within {@code ttl}. Tokens that fail are never remembered.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    private record Verified(Jwt jwt, Instant until) {
    }

    VerifiedTokenCache(JwtDecoder delegate, Duration ttl, long maxTokens, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified hit = verified.getIfPresent(token);
        if (hit != null) {
            if (now.isBefore(hit.until())) {
                return hit.jwt();
            }
            verified.invalidate(token);
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(ttl);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (now.isBefore(until)) {
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }
}
