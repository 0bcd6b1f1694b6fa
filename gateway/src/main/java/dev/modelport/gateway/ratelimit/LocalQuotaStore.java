package dev.modelport.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this JVM (Bucket4j): one per client, rebuilt when its tier's limit changes.
 * Keys are client ids from validated tokens, so the map grows with registered clients only;
 * the cap guards against a flood of freshly created ones.
 */
class LocalQuotaStore implements QuotaStore {

    private static final int MAX_CLIENTS = 100_000;

    private record ClientBucket(RateLimitProperties.TierLimit limit, Bucket bucket) {
    }

    private final ConcurrentMap<String, ClientBucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Mono<Quota> take(String clientId, RateLimitProperties.TierLimit limit) {
        return Mono.fromSupplier(() -> takeNow(clientId, limit));
    }

    Quota takeNow(String clientId, RateLimitProperties.TierLimit limit) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        ClientBucket client = buckets.get(clientId);
        if (client == null || !client.limit().equals(limit)) {
            client = buckets.compute(clientId, (id, existing) -> existing != null && existing.limit().equals(limit)
                    ? existing : new ClientBucket(limit, bucketFor(limit)));
        }
        ConsumptionProbe probe = client.bucket().tryConsumeAndReturnRemaining(1);
        long retryAfter = probe.isConsumed() ? 0
                : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Quota(probe.isConsumed(), probe.getRemainingTokens(), retryAfter);
    }

    private static Bucket bucketFor(RateLimitProperties.TierLimit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}
