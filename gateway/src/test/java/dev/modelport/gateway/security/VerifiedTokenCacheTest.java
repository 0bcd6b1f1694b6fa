package dev.modelport.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    private final List<String> checked = new ArrayList<>();

    /** Accepts "good-*" tokens expiring 15 minutes after START, refuses the rest; records every full check. */
    private final ReactiveJwtDecoder verifier = token -> Mono.defer(() -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").claim("client_id", token)
                .issuedAt(START).expiresAt(START.plus(Duration.ofMinutes(15))).build());
    });

    private VerifiedTokenCache cacheAt(Instant now) {
        return new VerifiedTokenCache(verifier, Duration.ofSeconds(30), 100, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void decodeWhenSameTokenAgainThenCheckedOnce() {
        VerifiedTokenCache cache = cacheAt(START);
        Jwt first = cache.decode("good-a").block();
        assertThat(cache.decode("good-a").block()).isSameAs(first);
        assertThat(cache.decode("good-b").block().getClaimAsString("client_id")).isEqualTo("good-b");
        assertThat(checked).containsExactly("good-a", "good-b");
    }

    @Test
    void decodeWhenTokenExpiresWithinTtlThenNotRemembered() {
        VerifiedTokenCache cache = cacheAt(START.plus(Duration.ofMinutes(15)));
        cache.decode("good-a").block();
        cache.decode("good-a").block();
        assertThat(checked).as("at its exp (inside the full check's clock skew) a token is checked every time")
                .containsExactly("good-a", "good-a");
    }

    @Test
    void decodeWhenTokenRefusedThenNeverRemembered() {
        VerifiedTokenCache cache = cacheAt(START);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("forged", "forged");
    }
}
