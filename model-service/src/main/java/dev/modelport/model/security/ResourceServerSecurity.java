package dev.modelport.model.security;

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
                        .hasAuthority(Scopes.INFER)
                        .requestMatchers(HttpMethod.GET, "/v2", "/v2/**").hasAnyAuthority(Scopes.READ, Scopes.INFER)
                        .requestMatchers("/api/audit").hasAuthority(Scopes.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyAuthority(Scopes.READ, Scopes.ADMIN)
                        .requestMatchers("/api/**").hasAuthority(Scopes.ADMIN)
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((request, response, failure) -> {
                            bearer.commence(request, response, failure);
                            writeError(response, json, HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                writeError(response, json, HttpStatus.FORBIDDEN, "the token's scopes do not allow this request")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static void writeError(HttpServletResponse response, JsonMapper json, HttpStatus status, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", message));
    }
}
