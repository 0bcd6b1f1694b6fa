package dev.modelport.gateway.security;

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
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * How the gateway's reactive decoder uses the shared memory of verified tokens: what it delegates,
 * what it remembers, that a token's own exp reaches it. The memory's rules (ttl, size, expiry) are
 * VerifiedTokensTest's, in service-support.
 */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    private static final Instant EXPIRY = START.plus(Duration.ofMinutes(15));

    private final List<String> checked = new ArrayList<>();
    private final MutableClock clock = new MutableClock(START);

    /** Accepts "good-*" tokens expiring 15 minutes after START, refuses the rest; records every full check. */
    private final ReactiveJwtDecoder verifier = token -> Mono.defer(() -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").claim("client_id", token)
                .issuedAt(START).expiresAt(EXPIRY).build());
    });

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(30), 100, clock);

    @Test
    void decodeWhenSameTokenAgainThenAnsweredWithoutTheDelegate() {
        Jwt first = cache.decode("good-a").block();
        assertThat(cache.decode("good-a").block()).isSameAs(first);
        assertThat(cache.decode("good-b").block().getClaimAsString("client_id")).isEqualTo("good-b");
        assertThat(checked).containsExactly("good-a", "good-b");
    }

    @Test
    void decodeWhenDelegateRefusesThenItsErrorAndCheckedInFullEveryTime() {
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void decodeWhenJwtExpiresBeforeTtlThenCheckedInFullFromItsExp() {
        clock.set(EXPIRY.minusSeconds(5));
        cache.decode("good-a").block();
        clock.set(EXPIRY);
        cache.decode("good-a").block();
        assertThat(checked).as("the Jwt's exp bounds the memory: from it the full check (with its clock skew) runs")
                .containsExactly("good-a", "good-a");
    }
}
