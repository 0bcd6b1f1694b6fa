package dev.modelport.support.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON line on logger {@code dev.modelport.security} for every refused call: who asked
 * (the token's subject, or null without a valid token), what (method and path, never the query
 * string or a header) and why. Nothing a caller sent beyond its path gets in, so no secret does.
 */
public final class SecurityLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.modelport.security");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityLog() {
    }

    public static void refused(String caller, String method, String path, int status, String reason) {
        if (!LOG.isWarnEnabled()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "refused");
        line.put("caller", caller);
        line.put("method", method);
        line.put("route", path);
        line.put("status", status);
        line.put("reason", reason);
        LOG.warn(JSON.writeValueAsString(line));
    }
}
