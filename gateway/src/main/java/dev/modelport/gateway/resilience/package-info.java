/**
 * A Resilience4j circuit breaker per route, with time limits above inference p99; retries are
 * configured on the routes (GET always, inference POSTs only when no response came back).
 */
package dev.modelport.gateway.resilience;
