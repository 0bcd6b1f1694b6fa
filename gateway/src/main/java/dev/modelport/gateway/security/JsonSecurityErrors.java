package dev.modelport.gateway.security;

import dev.modelport.gateway.web.ErrorResponses;
import dev.modelport.support.security.SecurityLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as {@code {"error": "..."}}, with the bearer challenge RFC 6750 asks for; each refusal
 * also writes the security log line (caller, route, reason).
 */
final class JsonSecurityErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ErrorResponses errors;

    JsonSecurityErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean badToken = failure instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        String message = badToken ? "invalid token: " + reason((OAuth2AuthenticationException) failure)
                : "a bearer token is required";
        log(exchange, null, HttpStatus.UNAUTHORIZED, message);
        return errors.write(exchange, HttpStatus.UNAUTHORIZED, message);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        String message = denied.getMessage() == null || denied.getMessage().equals("Access Denied")
                ? "forbidden" : denied.getMessage();
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() == null ? null : context.getAuthentication().getName())
                .defaultIfEmpty("")
                .doOnNext(caller -> log(exchange, caller.isEmpty() ? null : caller, HttpStatus.FORBIDDEN, message))
                .then(Mono.defer(() -> errors.write(exchange, HttpStatus.FORBIDDEN, message)));
    }

    private static void log(ServerWebExchange exchange, String caller, HttpStatus status, String reason) {
        SecurityLog.refused(caller, exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                status.value(), reason);
    }

    /** The validator's description, without echoing anything from the token itself. */
    private static String reason(OAuth2AuthenticationException failure) {
        String description = failure.getError().getDescription();
        if (description == null) {
            return failure.getError().getErrorCode();
        }
        if (description.startsWith("Jwt expired")) {
            return "expired";
        }
        if (description.startsWith("Jwt used before")) {
            return "not yet valid";
        }
        if (description.startsWith("The iss claim")) {
            return "wrong issuer";
        }
        if (description.startsWith("The aud claim")) {
            return "wrong audience";
        }
        return "signature or format not accepted";
    }
}
