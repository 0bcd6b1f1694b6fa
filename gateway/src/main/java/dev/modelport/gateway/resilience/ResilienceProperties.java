package dev.modelport.gateway.resilience;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * One circuit breaker per route (named after it).
 *
 * @param failureRateThreshold percent of failed calls in the window that opens a breaker
 * @param slidingWindowSize calls a breaker looks back on
 * @param minimumCalls calls before a breaker may open at all
 * @param openStateWait how long an open breaker refuses calls (and the 503's Retry-After)
 * @param slowCallDuration a call that takes longer counts as slow, even when it then succeeds
 * @param slowCallDurations per-breaker overrides of {@code slowCallDuration} (uploads take minutes)
 * @param slowCallRateThreshold percent of slow calls in the window that opens a breaker
 * @param halfOpenCalls trial calls a breaker lets through after {@code openStateWait}; if they
 *        fail (or are slow) at the thresholds above it opens again, otherwise it closes
 * @param timeLimit the longest a call may take end to end, retries included; above inference p99
 * @param timeLimits per-breaker overrides of {@code timeLimit} (uploads take minutes)
 * @param quarantine how long an instance that refused a connection is skipped; longer than
 *        Eureka takes to drop a dead instance
 */
@Validated
@ConfigurationProperties("modelport.gateway.resilience")
record ResilienceProperties(@DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
        @DefaultValue("50") @Min(1) int slidingWindowSize,
        @DefaultValue("20") @Min(1) int minimumCalls,
        @DefaultValue("10s") Duration openStateWait,
        @DefaultValue("10s") Duration slowCallDuration,
        Map<String, Duration> slowCallDurations,
        @DefaultValue("80") @Min(1) @Max(100) int slowCallRateThreshold,
        @DefaultValue("5") @Min(1) int halfOpenCalls,
        @DefaultValue("35s") Duration timeLimit,
        Map<String, Duration> timeLimits,
        @DefaultValue("30s") Duration quarantine) {

    ResilienceProperties {
        timeLimits = timeLimits == null ? Map.of() : Map.copyOf(timeLimits);
        slowCallDurations = slowCallDurations == null ? Map.of() : Map.copyOf(slowCallDurations);
    }

    Duration slowCallDurationOf(String breaker) {
        return slowCallDurations.getOrDefault(breaker, slowCallDuration);
    }

    Duration timeLimitOf(String breaker) {
        return timeLimits.getOrDefault(breaker, timeLimit);
    }
}
