package dev.modelport.gateway.security;

import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import dev.modelport.gateway.web.ErrorResponses;
import dev.modelport.support.actuator.InfraCredentials;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Two chains. The gateway's own actuator shares port 8080 with the public routes, so everything
 * under {@code /actuator} but health needs the infrastructure user, checked by service-support's
 * {@code InfraLogin} (a constant-time SHA-256 comparison, not the bcrypt that cost every scrape
 * ~80 ms of CPU). Every other path needs a valid bearer token with the scope its route asks for (model-service and auth-service check
 * again); only the health probes and the API docs are public. Unrouted paths answer 401 without a token, 404 with one.
 */
@Configuration
@EnableConfigurationProperties({InfraCredentials.class, TokenProperties.class, CorsProperties.class})
class GatewaySecurity {

    static final String INFER = "models.infer";
    static final String READ = "models.read";
    static final String ADMIN = "models.admin";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain actuatorFilterChain(ServerHttpSecurity http, InfraCredentials infra) {
        return http
                .securityMatcher(pathMatchers("/actuator/**"))
                .authenticationManager(infra.authenticationManager().reactive())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyExchange().hasRole(InfraCredentials.ROLE))
                .httpBasic(withDefaults())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }

    @Bean
    SecurityWebFilterChain routeFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, ErrorResponses errors,
            CorsProperties cors) {
        JsonSecurityErrors jsonErrors = new JsonSecurityErrors(errors);
        String model = "{" + ClientAccess.MODEL_VARIABLE + "}";
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/v2/health/live", "/v2/health/ready").permitAll()
                        // API docs: Swagger UI and each service's OpenAPI description (no data behind them)
                        .pathMatchers(HttpMethod.GET, "/docs", "/docs/**", "/swagger-ui/**", "/webjars/swagger-ui/**",
                                "/v3/api-docs/swagger-config").permitAll()
                        .pathMatchers(HttpMethod.POST, "/v2/models/" + model + "/infer",
                                "/v2/models/" + model + "/versions/{version}/infer")
                                .access(ClientAccess.anyScope(INFER))
                        .pathMatchers(HttpMethod.GET, "/v2/models/" + model, "/v2/models/" + model + "/**")
                                .access(ClientAccess.anyScope(READ, INFER))
                        .pathMatchers(HttpMethod.GET, "/v2", "/v2/**").access(ClientAccess.anyScope(READ, INFER))
                        .pathMatchers("/api/keys", "/api/keys/**").access(ClientAccess.platformAdmin("rotating the signing keys"))
                        .pathMatchers("/api/clients", "/api/clients/**", "/api/audit")
                                .access(ClientAccess.anyScope(ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/models/" + model, "/api/models/" + model + "/**")
                                .access(ClientAccess.anyScope(READ, ADMIN))
                        .pathMatchers("/api/models/" + model, "/api/models/" + model + "/**")
                                .access(ClientAccess.anyScope(ADMIN))
                        .pathMatchers(HttpMethod.GET, "/api/models", "/api/workers").access(ClientAccess.anyScope(READ, ADMIN))
                        .pathMatchers("/api/**").access(ClientAccess.anyScope(ADMIN))
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(jsonErrors)
                        .accessDeniedHandler(jsonErrors))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(jsonErrors)
                        .accessDeniedHandler(jsonErrors))
                .addFilterAfter(rememberClient(), SecurityWebFiltersOrder.AUTHENTICATION)
                .cors(spec -> spec.configurationSource(corsSource(cors)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }

    /** Puts the authenticated client on the exchange for rate limiting and the access log. */
    private static WebFilter rememberClient() {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(AuthenticatedClient.of(authentication)))
                .doOnNext(client -> exchange.getAttributes().put(AuthenticatedClient.ATTRIBUTE, client))
                .then(chain.filter(exchange));
    }

    private static UrlBasedCorsConfigurationSource corsSource(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.addAllowedMethod(CorsConfiguration.ALL);
        configuration.addAllowedHeader(CorsConfiguration.ALL);
        configuration.addExposedHeader("X-Request-Id");
        configuration.addExposedHeader("Retry-After");
        configuration.addExposedHeader("X-RateLimit-Limit");
        configuration.addExposedHeader("X-RateLimit-Remaining");
        configuration.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
