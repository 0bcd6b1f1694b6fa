package dev.modelport.gateway.trace;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A request's correlation: its request id and its W3C trace context. The gateway is one hop of
 * the trace: it keeps the caller's trace id (or starts a trace) and sends its own span id on.
 */
public record TraceContext(String requestId, String traceId, String spanId, String flags) {

    /** The exchange attribute holding the request's {@code TraceContext}. */
    public static final String ATTRIBUTE = TraceContext.class.getName();

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final String INVALID_TRACE = "0".repeat(32);

    /** From the caller's headers, or fresh where they are missing or malformed. */
    public static TraceContext from(String requestIdHeader, String traceparentHeader) {
        String traceId = null;
        String flags = "01";
        if (traceparentHeader != null) {
            var matcher = TRACEPARENT.matcher(traceparentHeader.trim());
            if (matcher.matches() && !matcher.group(1).equals(INVALID_TRACE)) {
                traceId = matcher.group(1);
                flags = matcher.group(3);
            }
        }
        if (traceId == null) {
            traceId = hex(16);
        }
        return of(requestIdHeader, traceId, hex(8), flags);
    }

    /** The trace a tracer already opened for this request; the request id as in {@link #from}. */
    public static TraceContext of(String requestIdHeader, String traceId, String spanId, String flags) {
        String requestId = requestIdHeader != null && REQUEST_ID.matcher(requestIdHeader).matches()
                ? requestIdHeader : traceId.substring(0, 8) + "-" + hex(8);
        return new TraceContext(requestId, traceId, spanId, flags);
    }

    /** The W3C {@code traceparent} header value the gateway sends downstream. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String hex(int bytes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder out = new StringBuilder(bytes * 2);
        for (int i = 0; i < bytes; i++) {
            int value = random.nextInt(256);
            out.append(Character.forDigit(value >> 4, 16)).append(Character.forDigit(value & 15, 16));
        }
        return out.toString();
    }
}
