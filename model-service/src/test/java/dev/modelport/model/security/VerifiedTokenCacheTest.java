package dev.modelport.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * How model-service's blocking decoder uses the shared memory of verified tokens: what it
 * delegates, what it remembers, that a token's own exp reaches it. The memory's rules (ttl, size,
 * expiry) are VerifiedTokensTest's, in service-support.
 */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant EXPIRY = START.plus(Duration.ofMinutes(15));

    private final List<String> checked = new ArrayList<>();
    private final MutableClock clock = new MutableClock(START);

    /** Accepts "good-*" tokens expiring 15 minutes after START, refuses the rest; records every full check. */
    private final JwtDecoder verifier = token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").claim("client_id", token)
                .issuedAt(START).expiresAt(EXPIRY).build();
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(30), 100, clock);

    @Test
    void decodeWhenSameTokenAgainThenAnsweredWithoutTheDelegate() {
        Jwt first = cache.decode("good-a");
        assertThat(cache.decode("good-a")).isSameAs(first);
        assertThat(cache.decode("good-b").getClaimAsString("client_id")).isEqualTo("good-b");
        assertThat(checked).containsExactly("good-a", "good-b");
    }

    @Test
    void decodeWhenDelegateThrowsThenThrownAndCheckedInFullEveryTime() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void decodeWhenJwtExpiresBeforeTtlThenCheckedInFullFromItsExp() {
        clock.set(EXPIRY.minusSeconds(5));
        cache.decode("good-a");
        clock.set(EXPIRY);
        cache.decode("good-a");
        assertThat(checked).as("the Jwt's exp bounds the memory: from it the full check (with its clock skew) runs")
                .containsExactly("good-a", "good-a");
    }
}
