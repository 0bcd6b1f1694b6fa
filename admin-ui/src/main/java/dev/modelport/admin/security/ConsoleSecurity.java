package dev.modelport.admin.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Admins sign in at auth-service (authorization code with PKCE, client {@code modelport-console});
 * the console keeps their tokens server side and refreshes them. Signing out ends the console
 * session and the session at auth-service.
 */
@Configuration
@EnableConfigurationProperties(SignInProperties.class)
class ConsoleSecurity {

    static final String ADMIN_SCOPE = "SCOPE_models.admin";
    static final String SIGN_IN_PATH = "/oauth2/authorization/" + AccessTokens.REGISTRATION;

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                           SignInProperties properties) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler endSessionAtAuthService =
                new OidcClientInitiatedLogoutSuccessHandler(registrations);
        if (StringUtils.hasText(properties.postLogoutRedirectUri())) {
            endSessionAtAuthService.setPostLogoutRedirectUri(properties.postLogoutRedirectUri());
        }
        http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(adminRole())));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                        .oauth2LoginPage(SIGN_IN_PATH)
                        .logoutSuccessHandler(endSessionAtAuthService))
                .build();
    }

    /** Built here rather than from discovery so the console starts while auth-service is still starting. */
    @Bean
    ClientRegistrationRepository clientRegistrations(SignInProperties properties) {
        if (!StringUtils.hasText(properties.clientSecret())) {
            throw new IllegalStateException("set MODELPORT_CONSOLE_SECRET (bin/platform generates one)");
        }
        // the browser goes to the issuer; the console's own calls go to the back channel
        String issuer = properties.issuer();
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(AccessTokens.REGISTRATION)
                .clientName("ModelPort")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "models.read", "models.infer", "models.admin")
                .issuerUri(issuer)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(properties.backChannel() + "/oauth2/token")
                .jwkSetUri(properties.backChannel() + "/oauth2/jwks")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .build());
    }

    @Bean
    OAuth2AuthorizedClientService authorizedClients(ClientRegistrationRepository registrations) {
        return new InMemoryOAuth2AuthorizedClientService(registrations);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository(OAuth2AuthorizedClientService clients) {
        return new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(clients);
    }

    /** Works outside HTTP requests too (UI polling, uploads), and refreshes expired access tokens. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientService clients) {
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }

    /** Admins are those whose token carries {@code models.admin}: the views need what the API needs. */
    static GrantedAuthoritiesMapper adminRole() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            if (authorities.stream().anyMatch(authority -> ADMIN_SCOPE.equals(authority.getAuthority()))) {
                mapped.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
            return mapped;
        };
    }
}
