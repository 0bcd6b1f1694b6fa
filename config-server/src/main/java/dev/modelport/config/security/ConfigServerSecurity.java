package dev.modelport.config.security;

import dev.modelport.support.actuator.InfraCredentials;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Config, {@code /encrypt}, {@code /decrypt} and {@code /monitor} (git push hooks) are for the
 * infrastructure user only; the actuator endpoints have service-support's chain, same user.
 * Callers are services, scripts and hooks using HTTP Basic, never browsers, so there is no
 * session and no CSRF. A missing or wrong password answers 401 with a JSON error. The password
 * check is the cheap one {@link InfraCredentials} makes, not the default bcrypt every client
 * fetch would otherwise pay for.
 */
@Configuration
class ConfigServerSecurity {

    private static final byte[] UNAUTHORIZED = """
            {"error":"authentication required: HTTP Basic with the infrastructure user (MODELPORT_INFRA_PASSWORD)"}"""
            .getBytes(StandardCharsets.UTF_8);

    @Bean
    SecurityFilterChain configFilterChain(HttpSecurity http, InfraCredentials infra) throws Exception {
        AuthenticationEntryPoint json = (request, response, failure) -> {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"modelport\"");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(UNAUTHORIZED);
        };
        return http
                .csrf(csrf -> csrf.disable())
                .authenticationManager(infra.authenticationManager())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(json))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(json))
                .build();
    }
}
