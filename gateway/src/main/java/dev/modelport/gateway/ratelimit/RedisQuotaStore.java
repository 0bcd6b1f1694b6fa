package dev.modelport.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway instance: Spring Cloud Gateway's token-bucket
 * script, timed by Redis's clock so instances need not agree on time. While Redis is unreachable
 * the quota falls back to this instance's buckets rather than refusing or waving everything through.
 */
class RedisQuotaStore implements QuotaStore {

    private static final Logger log = LoggerFactory.getLogger(RedisQuotaStore.class);
    private static final Duration REDIS_BUDGET = Duration.ofMillis(250);

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<List<Long>> script;
    private final LocalQuotaStore fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();

    RedisQuotaStore(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script, LocalQuotaStore fallback) {
        this.redis = redis;
        this.script = script;
        this.fallback = fallback;
    }

    @Override
    public Mono<Quota> take(String clientId, RateLimitProperties.TierLimit limit) {
        // the braces keep both keys in one hash slot on Redis Cluster
        String prefix = "modelport.rate.{" + clientId + "}";
        List<String> keys = List.of(prefix + ".tokens", prefix + ".timestamp");
        List<String> args = List.of(Integer.toString(limit.requestsPerSecond()), Integer.toString(limit.burst()), "", "1");
        return redis.execute(script, keys, args).next()
                .timeout(REDIS_BUDGET)
                .map(result -> {
                    recovered();
                    boolean allowed = result.get(0) == 1L;
                    long tokens = result.get(1);
                    long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1.0 - tokens) / limit.requestsPerSecond()));
                    return new Quota(allowed, tokens, retryAfter);
                })
                .onErrorResume(failure -> {
                    if (degraded.compareAndSet(false, true)) {
                        log.warn("Redis unreachable ({}); rate limiting per gateway instance until it is back", failure.toString());
                    }
                    return fallback.take(clientId, limit);
                });
    }

    private void recovered() {
        if (degraded.compareAndSet(true, false)) {
            log.info("Redis is back; quotas are shared again");
        }
    }
}
