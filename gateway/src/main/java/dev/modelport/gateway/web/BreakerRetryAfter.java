package dev.modelport.gateway.web;

import java.util.function.LongSupplier;

/** How long a client should wait before retrying when the gateway answers 503 (a breaker's open time, which a config refresh may change). */
public record BreakerRetryAfter(LongSupplier seconds) {
}
