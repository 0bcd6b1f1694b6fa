package dev.modelport.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class RequestLoggingTest {

    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/v2/models/iris"));

    @Test
    void withTraceIdsWhenRequestTracedThenLineSeesItsIdsAndThreadIsLeftClean() {
        TraceContext trace = TraceContext.from("req-1", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        exchange.getAttributes().put(TraceContext.ATTRIBUTE, trace);
        Map<String, String> seen = new HashMap<>();

        RequestLogging.withTraceIds(exchange, () -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736").containsEntry("spanId", trace.spanId());
        assertThat(MDC.get("traceId")).as("the reactor thread serves other requests next").isNull();
        assertThat(MDC.get("spanId")).isNull();
    }

    @Test
    void withTraceIdsWhenRequestNotTracedThenLineStillWritten() {
        boolean[] written = {false};
        RequestLogging.withTraceIds(exchange, () -> written[0] = true);
        assertThat(written[0]).isTrue();
    }
}
