package dev.modelport.gateway.web;

import java.time.Duration;

/** How long a client should wait before retrying when the gateway answers 503 (a breaker's open time). */
public record BreakerRetryAfter(Duration value) {
}
