package dev.modelport.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.mock.env.MockEnvironment;

class TierLimitsTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("modelport.gateway.rate-limit.tiers.free.requests-per-second", "10")
            .withProperty("modelport.gateway.rate-limit.tiers.free.burst", "20");
    private final TierLimits limits = new TierLimits(new RateLimitProperties("standard",
            Map.of("free", new RateLimitProperties.TierLimit(10, 20),
                    "standard", new RateLimitProperties.TierLimit(50, 100))), environment);

    @Test
    void limitOfWhenTierUnknownOrMissingThenDefaultTier() {
        assertThat(limits.limitOf(null)).isEqualTo(new RateLimitProperties.TierLimit(50, 100));
        assertThat(limits.limitOf("platinum")).isEqualTo(new RateLimitProperties.TierLimit(50, 100));
    }

    @Test
    void limitOfWhenConfigRefreshedThenNewLimitWithoutRestart() {
        environment.setProperty("modelport.gateway.rate-limit.tiers.free.burst", "5");
        limits.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.gateway.rate-limit.tiers.free.burst")));
        assertThat(limits.limitOf("free")).isEqualTo(new RateLimitProperties.TierLimit(10, 5));
    }

    @Test
    void limitOfWhenRefreshedToAnInvalidLimitThenOldLimitKept() {
        environment.setProperty("modelport.gateway.rate-limit.tiers.free.burst", "0");
        limits.onEnvironmentChange(new EnvironmentChangeEvent(Set.of("modelport.gateway.rate-limit.tiers.free.burst")));
        assertThat(limits.limitOf("free")).isEqualTo(new RateLimitProperties.TierLimit(10, 20));
    }

    @Test
    void localQuotaWhenBucketEmptyThenRefusedWithRetryAfter() {
        LocalQuotaStore store = new LocalQuotaStore();
        RateLimitProperties.TierLimit limit = new RateLimitProperties.TierLimit(1, 2);
        assertThat(store.takeNow("a", limit).allowed()).isTrue();
        assertThat(store.takeNow("a", limit).allowed()).isTrue();
        Quota refused = store.takeNow("a", limit);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(store.takeNow("b", limit).allowed()).isTrue();
    }
}
