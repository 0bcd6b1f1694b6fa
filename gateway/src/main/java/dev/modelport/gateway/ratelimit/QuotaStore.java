package dev.modelport.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Where the token buckets live: this JVM, or Redis so every gateway shares them. */
interface QuotaStore {

    Mono<Quota> take(String clientId, RateLimitProperties.TierLimit limit);
}
