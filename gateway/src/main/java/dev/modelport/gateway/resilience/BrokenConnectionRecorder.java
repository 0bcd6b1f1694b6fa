package dev.modelport.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Runs right around the proxying call, after the load balancer picked an instance. A connection
 * that broke (refused, reset, closed before the answer) marks that instance as failed for this
 * exchange, so the route's retry picks another one ({@link QuarantineAwareInstances}) even while
 * other requests move the round robin on; a refused connection also puts the instance in
 * quarantine for every exchange, since nothing listens there any more. A reset alone does not:
 * a healthy worker closing a kept-alive connection looks the same.
 */
class BrokenConnectionRecorder implements GlobalFilter, Ordered {

    /** Exchange attribute: the {@code host:port} of each instance whose connection broke during this exchange. */
    static final String FAILED_INSTANCES = BrokenConnectionRecorder.class.getName() + ".failed";

    private final InstanceQuarantine quarantine;

    BrokenConnectionRecorder(InstanceQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(IOException.class, broken -> {
            URI instance = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
            if (instance == null) {
                return;
            }
            failedInstances(exchange.getAttributes()).add(InstanceQuarantine.key(instance.getHost(), instance.getPort()));
            if (broken instanceof ConnectException) {
                quarantine.refusedConnection(instance);
            }
        });
    }

    /** The failed instances recorded in {@code attributes} (an exchange's), created empty on first use. */
    @SuppressWarnings("unchecked")
    static Set<String> failedInstances(Map<String, Object> attributes) {
        return (Set<String>) attributes.computeIfAbsent(FAILED_INSTANCES, name -> ConcurrentHashMap.newKeySet());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
