/**
 * Correlation (X-Request-Id, W3C traceparent set on every request) and one JSON access-log line per request, with no
 * token or secret in it.
 */
package dev.modelport.gateway.logging;
