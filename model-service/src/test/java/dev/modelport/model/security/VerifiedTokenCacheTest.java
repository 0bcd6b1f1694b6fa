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

class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private final MutableClock clock = new MutableClock(START);

    /** Accepts "good-*" tokens expiring 15 minutes after START, refuses the rest; records every full check. */
    private final JwtDecoder verifier = token -> {
        checked.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").claim("client_id", token)
                .issuedAt(START).expiresAt(START.plus(Duration.ofMinutes(15))).build();
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Duration.ofSeconds(30), 100, clock);

    @Test
    void decodeWhenSameTokenAgainWithinTtlThenCheckedOnce() {
        Jwt first = cache.decode("good-a");
        clock.advance(Duration.ofSeconds(20));
        assertThat(cache.decode("good-a")).isSameAs(first);
        assertThat(checked).containsExactly("good-a");
    }

    @Test
    void decodeWhenTtlPassedThenCheckedAgain() {
        cache.decode("good-a");
        clock.advance(Duration.ofSeconds(31));
        cache.decode("good-a");
        assertThat(checked).containsExactly("good-a", "good-a");
    }

    @Test
    void decodeWhenTokenExpiresBeforeTtlThenNotAnsweredFromCacheAfterExpiry() {
        clock.set(START.plus(Duration.ofMinutes(15)).minusSeconds(5));
        cache.decode("good-a");
        clock.advance(Duration.ofSeconds(6));
        cache.decode("good-a");
        assertThat(checked).as("past exp the full check runs again (and applies its own clock skew)")
                .containsExactly("good-a", "good-a");
    }

    @Test
    void decodeWhenTokenRefusedThenNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checked).containsExactly("forged", "forged");
    }
}
