package dev.modelport.gateway.trace;

import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts a request's trace and span id where the log pattern reads them (MDC {@code traceId},
 * {@code spanId}) for the lines the gateway writes about that request. The gateway doesn't copy
 * them onto every thread hop of every request (Reactor's automatic context propagation: a
 * quarter of its CPU per request), so a line written for a request is written through here.
 */
public final class RequestLogging {

    private RequestLogging() {
    }

    /** Runs {@code line} (a logger call) with {@code exchange}'s trace ids in the MDC. */
    public static void withTraceIds(ServerWebExchange exchange, Runnable line) {
        TraceContext trace = exchange.getAttribute(TraceContext.ATTRIBUTE);
        if (trace == null) {
            line.run();
            return;
        }
        try (MDC.MDCCloseable traceId = MDC.putCloseable("traceId", trace.traceId());
                MDC.MDCCloseable spanId = MDC.putCloseable("spanId", trace.spanId())) {
            line.run();
        }
    }
}
