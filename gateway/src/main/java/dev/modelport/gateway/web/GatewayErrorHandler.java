package dev.modelport.gateway.web;

import dev.modelport.gateway.trace.RequestLogging;
import java.io.IOException;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every failure the gateway itself answers (no route, too large, over quota, worker unreachable,
 * timed out, breaker open) becomes {@code {"error": "..."}} with its status. Runs before Boot's
 * default handler, which would answer with its own shape. Server-side messages are fixed texts:
 * exception messages name hosts and ports.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ErrorResponses errors;
    private final BreakerRetryAfter breakerRetryAfter;

    GatewayErrorHandler(ErrorResponses errors, BreakerRetryAfter breakerRetryAfter) {
        this.errors = errors;
        this.breakerRetryAfter = breakerRetryAfter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = statusOf(failure);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(breakerRetryAfter.seconds().getAsLong()));
        }
        if (status.is5xxServerError() && !(failure instanceof ServiceUnavailableException)) {
            RequestLogging.withTraceIds(exchange, () -> log.warn("{} {} failed: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), failure.toString()));
        }
        return errors.write(exchange, status, messageFor(status, failure));
    }

    static HttpStatusCode statusOf(Throwable failure) {
        return switch (failure) {
            case ResponseStatusException e -> e.getStatusCode();
            case HttpStatusCodeException e -> e.getStatusCode();
            case ServiceUnavailableException e -> HttpStatus.SERVICE_UNAVAILABLE;
            case ConnectException e -> HttpStatus.BAD_GATEWAY;
            case IOException e -> HttpStatus.BAD_GATEWAY;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    private static String messageFor(HttpStatusCode status, Throwable failure) {
        return switch (status.value()) {
            case 404 -> "no such route";
            case 405 -> "method not allowed";
            case 413 -> failure instanceof ResponseStatusException e && e.getReason() != null
                    ? e.getReason() : "request body too large";
            case 429 -> "rate limit exceeded; retry after the time in Retry-After";
            case 502 -> "upstream service unreachable";
            case 503 -> "service unavailable; retry after the time in Retry-After";
            case 504 -> "upstream service timed out";
            default -> status.is4xxClientError() && failure instanceof ResponseStatusException e && e.getReason() != null
                    ? e.getReason() : status.is4xxClientError() ? "bad request" : "internal gateway error";
        };
    }
}
