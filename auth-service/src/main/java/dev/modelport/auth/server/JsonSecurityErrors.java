package dev.modelport.auth.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.modelport.support.security.SecurityLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 on the management API in the platform's error shape, {@code {"error": "..."}},
 * keeping the RFC 6750 {@code WWW-Authenticate} header the bearer-token handlers set.
 */
final class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler accessDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        SecurityLog.refused(null, request.getMethod(), request.getRequestURI(), HttpServletResponse.SC_UNAUTHORIZED,
                "no valid bearer token");
        write(response, "a valid bearer token from auth-service is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        accessDenied.handle(request, response, e);
        SecurityLog.refused(request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
                request.getMethod(), request.getRequestURI(), HttpServletResponse.SC_FORBIDDEN, "no models.admin scope");
        write(response, "the token lacks the models.admin scope");
    }

    private static void write(HttpServletResponse response, String message) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + message + "\"}");
    }
}
