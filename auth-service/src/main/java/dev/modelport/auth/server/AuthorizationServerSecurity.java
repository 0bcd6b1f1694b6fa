package dev.modelport.auth.server;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.modelport.auth.users.AdminUsers;
import dev.modelport.auth.users.FailedLogins;
import dev.modelport.auth.users.SignIns;
import dev.modelport.auth.users.ThrottledLogin;
import dev.modelport.support.security.Scopes;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains after service-support's actuator chain: the OAuth2 protocol endpoints,
 * the management API (a resource server for this service's own tokens), and the admin login
 * form every other path falls back to.
 */
@Configuration
class AuthorizationServerSecurity {

    /**
     * Token, JWKS, discovery, authorize, userinfo. API callers that fail client
     * authentication get 401; browsers are sent to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        return http
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer
                        .oidc(withDefaults())
                        .tokenEndpoint(token -> token.accessTokenRequestConverters(
                                converters -> converters.addFirst(new ClientCredentialsDefaultScopes()))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .build();
    }

    /** The management API: bearer tokens only, every call needs {@code models.admin}. */
    @Bean
    @Order(2)
    SecurityFilterChain managementApiFilterChain(HttpSecurity http) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors();
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(Scopes.ADMIN_AUTHORITY))
                .oauth2ResourceServer(resource -> resource
                        .jwt(withDefaults())
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The ModelPort login page admins pass on their way to the console. */
    @Bean
    @Order(3)
    SecurityFilterChain loginFilterChain(HttpSecurity http, AdminUsers users, FailedLogins failedLogins,
                                         SignIns signIns, PasswordEncoder encoder) throws Exception {
        return http
                .authenticationManager(new ProviderManager(new ThrottledLogin(users, failedLogins, signIns, encoder)))
                .authorizeHttpRequests(requests -> requests
                        // /v3/api-docs: the client management API's OpenAPI description, aggregated by the gateway at /docs
                        .requestMatchers("/login", "/error", "/favicon.ico", "/v3/api-docs").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuerUri()).build();
    }
}
