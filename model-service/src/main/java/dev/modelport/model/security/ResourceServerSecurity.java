package dev.modelport.model.security;

import dev.modelport.support.security.Scopes;
import dev.modelport.support.security.SecurityLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route but the V2 health probes needs a JWT from auth-service. Inference needs
 * {@code models.infer}; metadata {@code models.read} or {@code models.infer}; management reads
 * {@code models.read}, writes and the audit log {@code models.admin}. Failures answer in the
 * V2 error shape {@code {"error": "..."}}.
 */
@Configuration
class ResourceServerSecurity {

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http, JsonMapper json) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v2/health/live", "/v2/health/ready").permitAll()
                        // the API's OpenAPI description, aggregated by the gateway at /docs
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs").permitAll()
                        .requestMatchers(HttpMethod.POST, "/v2/models/*/infer", "/v2/models/*/versions/*/infer")
                        .hasAuthority(Scopes.INFER_AUTHORITY)
                        .requestMatchers(HttpMethod.GET, "/v2", "/v2/**").hasAnyAuthority(Scopes.READ_AUTHORITY, Scopes.INFER_AUTHORITY)
                        .requestMatchers("/api/audit").hasAuthority(Scopes.ADMIN_AUTHORITY)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Scopes.READ_AUTHORITY, Scopes.ADMIN_AUTHORITY)
                        .requestMatchers("/api/**").hasAuthority(Scopes.ADMIN_AUTHORITY)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearer.commence(request, response, failure);
                            refused(request, HttpStatus.UNAUTHORIZED, "no valid bearer token");
                            writeError(response, json, HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            refused(request, HttpStatus.FORBIDDEN, "the token's scopes do not allow this request");
                            writeError(response, json, HttpStatus.FORBIDDEN, "the token's scopes do not allow this request");
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static void refused(HttpServletRequest request, HttpStatus status, String reason) {
        SecurityLog.refused(request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
                request.getMethod(), request.getRequestURI(), status.value(), reason);
    }

    private static void writeError(HttpServletResponse response, JsonMapper json, HttpStatus status, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", message));
    }
}
