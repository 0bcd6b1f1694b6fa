package dev.modelport.gateway.ratelimit;

/**
 * One request's answer from a quota store.
 *
 * @param allowed whether the request may pass
 * @param remaining requests left in the bucket
 * @param retryAfterSeconds when denied, how long until one request fits again
 */
record Quota(boolean allowed, long remaining, long retryAfterSeconds) {
}
