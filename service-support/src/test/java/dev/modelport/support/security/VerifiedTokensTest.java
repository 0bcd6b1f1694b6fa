package dev.modelport.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The verified-token memory both services' decoders share; their own tests cover only how each
 * wires it to its decoder. Time moves only when a test moves the clock.
 */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant IN_AN_HOUR = START.plus(Duration.ofHours(1));

    /** A token's verified form; only its expiry matters here. */
    private record Checked(String subject, @Nullable Instant expiresAt) {
    }

    private final MutableClock clock = new MutableClock(START);
    // evictions past the size run on the calling thread, so the size is exact as soon as remember returns
    private final VerifiedTokens<Checked> tokens = new VerifiedTokens<>(TTL, 100, clock, Checked::expiresAt, Runnable::run);

    @Test
    void rememberWhenTokenPassedThenReturnedAndAnsweredWithinTtl() {
        Checked checked = new Checked("a", IN_AN_HOUR);
        assertThat(tokens.remember("token-a", checked)).isSameAs(checked);
        assertThat(tokens.get("token-a")).isSameAs(checked);
        clock.advance(TTL.minusMillis(1));
        assertThat(tokens.get("token-a")).isSameAs(checked);
    }

    @Test
    void getWhenTtlPassedThenNullAlthoughTheTokenIsUnexpired() {
        tokens.remember("token-a", new Checked("a", IN_AN_HOUR));
        clock.advance(Duration.ofSeconds(20));
        assertThat(tokens.get("token-a")).as("a read does not extend the trust").isNotNull();
        clock.set(START.plus(TTL));
        assertThat(tokens.get("token-a")).as("at the ttl: checked in full again").isNull();
    }

    @Test
    void getWhenTokenExpiresBeforeTtlThenAnsweredOnlyUntilItsExpiry() {
        Instant expiry = START.plusSeconds(10);
        tokens.remember("token-a", new Checked("a", expiry));
        clock.set(expiry.minusMillis(1));
        assertThat(tokens.get("token-a")).isNotNull();
        clock.set(expiry);
        assertThat(tokens.get("token-a")).as("the token's own exp, without the full check's clock skew").isNull();
    }

    @Test
    void rememberWhenTokenAlreadyExpiredThenNotKept() {
        Checked atExpiry = new Checked("a", START);
        Checked pastExpiry = new Checked("b", START.minusSeconds(1));
        assertThat(tokens.remember("token-a", atExpiry)).as("handed back all the same").isSameAs(atExpiry);
        assertThat(tokens.remember("token-b", pastExpiry)).isSameAs(pastExpiry);
        assertThat(tokens.get("token-a")).isNull();
        assertThat(tokens.get("token-b")).isNull();
    }

    @Test
    void rememberWhenTokenHasNoExpiryThenTrustedForTheTtl() {
        tokens.remember("token-a", new Checked("a", null));
        clock.advance(TTL.minusMillis(1));
        assertThat(tokens.get("token-a")).isNotNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    void getWhenTokenWasNeverRememberedThenNull() {
        // a token that failed its check: the decoders call remember only with what passed, so there is nothing to find
        tokens.remember("token-a", new Checked("a", IN_AN_HOUR));
        assertThat(tokens.get("token-forged")).isNull();
        assertThat(tokens.get("token-a ")).as("the exact token string, nothing like it").isNull();
    }

    @Test
    void getWhenEntryWentStaleThenDroppedEvenIfTheClockGoesBack() {
        tokens.remember("token-a", new Checked("a", IN_AN_HOUR));
        clock.set(START.plus(TTL));
        assertThat(tokens.get("token-a")).isNull();
        clock.set(START);
        assertThat(tokens.get("token-a")).as("the stale entry was dropped, not merely skipped").isNull();
    }

    @Test
    void rememberWhenCheckedAgainThenTheNewCheckIsTrustedForAFreshTtl() {
        tokens.remember("token-a", new Checked("a", IN_AN_HOUR));
        clock.advance(Duration.ofSeconds(20));
        Checked again = new Checked("a", IN_AN_HOUR);
        tokens.remember("token-a", again);
        clock.advance(Duration.ofSeconds(20));
        assertThat(tokens.get("token-a")).as("40 s after the first check, 20 s after the second").isSameAs(again);
    }

    @Test
    void rememberWhenMoreTokensThanMaxThenOnlyMaxKept() {
        VerifiedTokens<Checked> small = new VerifiedTokens<>(TTL, 3, clock, Checked::expiresAt, Runnable::run);
        IntStream.range(0, 10).forEach(i -> small.remember("token-" + i, new Checked("c" + i, IN_AN_HOUR)));
        // which three stay is the cache's eviction policy (W-TinyLFU); how many is the contract
        long kept = IntStream.range(0, 10).filter(i -> small.get("token-" + i) != null).count();
        assertThat(kept).isEqualTo(3);
    }

    @Test
    void constructorWhenTtlOrSizeNotPositiveThenRefused() {
        assertThatThrownBy(() -> new VerifiedTokens<>(Duration.ZERO, 100, clock, Checked::expiresAt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive ttl and size");
        assertThatThrownBy(() -> new VerifiedTokens<>(Duration.ofSeconds(-1), 100, clock, Checked::expiresAt))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedTokens<>(TTL, 0, clock, Checked::expiresAt))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
