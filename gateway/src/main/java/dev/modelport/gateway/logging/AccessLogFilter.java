package dev.modelport.gateway.logging;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.modelport.gateway.security.AuthenticatedClient;
import dev.modelport.gateway.trace.TraceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per request on logger {@code dev.modelport.gateway.access}, written when the
 * response starts (so errors answered by the error handler are logged with their real status).
 * Only the path is logged, never the query string or any header: no token or secret gets in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter implements WebFilter {

    private static final Logger access = LoggerFactory.getLogger("dev.modelport.gateway.access");
    private static final Pattern MODEL = Pattern.compile("^/(?:v2|api)/models/([^/]+)");
    /** Nginx's code for a client that went away before the answer. */
    private static final int CLIENT_CLOSED = 499;

    private final JsonMapper json;

    AccessLogFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!access.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        AtomicBoolean logged = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            log(exchange, status == null ? 200 : status.value(), started, logged);
            return Mono.empty();
        });
        return chain.filter(exchange).doOnCancel(() -> log(exchange, CLIENT_CLOSED, started, logged));
    }

    private void log(ServerWebExchange exchange, int status, long started, AtomicBoolean logged) {
        if (!logged.compareAndSet(false, true)) {
            return;
        }
        String path = exchange.getRequest().getPath().value();
        Map<String, Object> line = new LinkedHashMap<>();
        TraceContext trace = exchange.getAttribute(TraceContext.ATTRIBUTE);
        if (trace != null) {
            line.put("request_id", trace.requestId());
            line.put("trace_id", trace.traceId());
        }
        line.put("client_id", AuthenticatedClient.of(exchange).map(AuthenticatedClient::clientId).orElse(null));
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        line.put("route", route == null ? null : route.getId());
        line.put("method", exchange.getRequest().getMethod().name());
        line.put("path", path);
        Matcher model = MODEL.matcher(path);
        line.put("model", model.find() ? model.group(1) : null);
        line.put("status", status);
        line.put("latency_ms", Math.round((System.nanoTime() - started) / 10_000.0) / 100.0);
        access.info(json.writeValueAsString(line));
    }
}
