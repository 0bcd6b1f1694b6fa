/**
 * Per-client quotas by tier for the RequestRateLimiter filter: Bucket4j buckets in this JVM, or
 * Redis buckets shared by every gateway when spring.data.redis is configured; limits refresh live.
 */
package dev.modelport.gateway.ratelimit;
