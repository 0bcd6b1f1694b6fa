package dev.modelport.gateway.logging;

import dev.modelport.gateway.trace.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * First on every request: echoes (or creates) {@code X-Request-Id} and propagates a W3C
 * {@code traceparent} downstream, created when the caller sent none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationFilter implements WebFilter {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = request.getHeaders().getFirst(REQUEST_ID);
        TraceContext trace = tracingSpan(exchange, requestId)
                .orElseGet(() -> TraceContext.from(requestId, request.getHeaders().getFirst(TRACEPARENT)));
        exchange.getAttributes().put(TraceContext.ATTRIBUTE, trace);
        exchange.getResponse().getHeaders().set(REQUEST_ID, trace.requestId());
        ServerHttpRequest forwarded = request.mutate().headers(headers -> {
            headers.set(REQUEST_ID, trace.requestId());
            headers.set(TRACEPARENT, trace.traceparent());
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    /**
     * The span Micrometer Tracing opened for this request (it continued the caller's
     * {@code traceparent} or started a trace), so the access log, the other log lines and the
     * exported spans share one trace id. Empty when tracing is switched off
     * ({@code management.tracing.enabled=false}).
     */
    private static Optional<TraceContext> tracingSpan(ServerWebExchange exchange, String requestIdHeader) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> TraceContext.of(requestIdHeader, span.context().traceId(), span.context().spanId(),
                        Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00"));
    }
}
