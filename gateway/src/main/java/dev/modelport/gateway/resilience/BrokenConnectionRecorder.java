package dev.modelport.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.ConnectException;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs right around the proxying call, after the load balancer picked an instance: a refused
 * connection puts that instance in quarantine, so the route's retry goes elsewhere.
 */
class RefusedConnectionRecorder implements GlobalFilter, Ordered {

    private final InstanceQuarantine quarantine;

    RefusedConnectionRecorder(InstanceQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(ConnectException.class, refused -> {
            URI instance = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
            if (instance != null) {
                quarantine.refusedConnection(instance);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
