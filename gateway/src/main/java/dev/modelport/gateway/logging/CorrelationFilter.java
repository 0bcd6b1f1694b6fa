package dev.modelport.gateway.logging;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
        TraceContext trace = TraceContext.from(request.getHeaders().getFirst(REQUEST_ID),
                request.getHeaders().getFirst(TRACEPARENT));
        exchange.getAttributes().put(TraceContext.ATTRIBUTE, trace);
        exchange.getResponse().getHeaders().set(REQUEST_ID, trace.requestId());
        ServerHttpRequest forwarded = request.mutate().headers(headers -> {
            headers.set(REQUEST_ID, trace.requestId());
            headers.set(TRACEPARENT, trace.traceparent());
        }).build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }
}
