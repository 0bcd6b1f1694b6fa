package dev.modelport.model.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line per API request on logger {@code dev.modelport.model.access}, with the trace id
 * the gateway sent in {@code traceparent}, so a request is found in both services' logs. Only
 * the path is logged, never the query string, a header or a tensor. Health probes and actuator
 * scrapes are not logged.
 */
@Component
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger access = LoggerFactory.getLogger("dev.modelport.model.access");
    private static final Pattern MODEL = Pattern.compile("^/(?:v2|api)/models/([^/]+)");

    private final ObjectProvider<Tracer> tracer;
    private final JsonMapper json;

    AccessLogFilter(ObjectProvider<Tracer> tracer, JsonMapper json) {
        this.tracer = tracer;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !access.isInfoEnabled() || path.startsWith("/actuator") || path.startsWith("/v2/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        String traceId = currentTraceId();
        try {
            chain.doFilter(request, response);
        } finally {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("trace_id", traceId);
            line.put("request_id", request.getHeader("X-Request-Id"));
            line.put("method", request.getMethod());
            line.put("path", request.getRequestURI());
            Matcher model = MODEL.matcher(request.getRequestURI());
            line.put("model", model.find() ? model.group(1) : null);
            line.put("status", response.getStatus());
            line.put("latency_ms", Math.round((System.nanoTime() - started) / 10_000.0) / 100.0);
            access.info(json.writeValueAsString(line));
        }
    }

    private String currentTraceId() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        return span == null ? null : span.context().traceId();
    }
}
