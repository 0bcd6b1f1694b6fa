package dev.modelport.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * The RequestRateLimiter filter's limiter: the key is {@link ClientKeyResolver}'s
 * {@code tier/clientId}; the tier picks the limit, the client the bucket. Limits come from
 * {@link TierLimits} per request, so a config refresh applies without a restart.
 */
class TieredRateLimiter implements RateLimiter<Object> {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    static final String REPLENISH_HEADER = "X-RateLimit-Replenish-Rate";

    private final TierLimits limits;
    private final QuotaStore store;

    TieredRateLimiter(TierLimits limits, QuotaStore store) {
        this.limits = limits;
        this.store = store;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        ClientKey client = ClientKey.parse(key);
        RateLimitProperties.TierLimit limit = limits.limitOf(client.tier());
        return store.take(client.clientId(), limit).map(quota -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(LIMIT_HEADER, Integer.toString(limit.burst()));
            headers.put(REMAINING_HEADER, Long.toString(Math.max(0, quota.remaining())));
            headers.put(REPLENISH_HEADER, Integer.toString(limit.requestsPerSecond()));
            if (!quota.allowed()) {
                headers.put(HttpHeaders.RETRY_AFTER, Long.toString(quota.retryAfterSeconds()));
            }
            return new Response(quota.allowed(), headers);
        });
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
