package dev.modelport.gateway.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a body over its route's limit with 413 before it reaches a worker: at once when the
 * declared Content-Length is too large (the body is never read), or as soon as a chunked body
 * streams past the limit. Runs before the gateway caches bodies for retries, so nothing over the
 * limit is ever buffered.
 */
@Component
@EnableConfigurationProperties(BodyLimitProperties.class)
class BodySizeLimitFilter implements GlobalFilter, Ordered {

    static final String MAX_BODY_SIZE = "max-body-size";

    private final BodyLimitProperties limits;

    BodySizeLimitFilter(BodyLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DataSize limit = limitFor(exchange.getAttribute(GATEWAY_ROUTE_ATTR));
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            // the unread body is not worth draining: the connection closes after the 413
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Mono.error(new PayloadTooLargeException(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    private DataSize limitFor(Route route) {
        Object configured = route == null ? null : route.getMetadata().get(MAX_BODY_SIZE);
        return configured == null ? limits.defaultSize() : DataSize.parse(configured.toString());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** A chunked body that fails with 413 once it streams past the limit. */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final DataSize limit;

        CountingRequest(ServerHttpRequest delegate, DataSize limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().doOnNext(buffer -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                    DataBufferUtils.release(buffer);
                    throw new PayloadTooLargeException(limit);
                }
            });
        }
    }
}
