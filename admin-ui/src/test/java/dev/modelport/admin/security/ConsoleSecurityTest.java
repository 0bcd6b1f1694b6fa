package dev.modelport.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

class ConsoleSecurityTest {

    @Test
    void adminRoleWhenTokenHasModelsAdminThenAdmin() {
        assertThat(names(ConsoleSecurity.adminRole().mapAuthorities(
                AuthorityUtils.createAuthorityList("OIDC_USER", "SCOPE_openid", "SCOPE_models.read", "SCOPE_models.admin"))))
                .contains("ROLE_ADMIN", "SCOPE_models.admin", "SCOPE_models.read");
    }

    @Test
    void adminRoleWhenTokenLacksModelsAdminThenNoAdmin() {
        assertThat(names(ConsoleSecurity.adminRole().mapAuthorities(
                AuthorityUtils.createAuthorityList("OIDC_USER", "SCOPE_openid", "SCOPE_models.read", "SCOPE_models.infer"))))
                .doesNotContain("ROLE_ADMIN")
                .containsExactlyInAnyOrder("OIDC_USER", "SCOPE_openid", "SCOPE_models.read", "SCOPE_models.infer");
    }

    @Test
    void adminRoleWhenAdminOnlyAsClaimNotScopeThenNoAdmin() {
        // only the granted scope counts: an authority that merely mentions admin is not it
        assertThat(names(ConsoleSecurity.adminRole().mapAuthorities(
                AuthorityUtils.createAuthorityList("OIDC_USER", "models.admin", "SCOPE_models.administrator"))))
                .doesNotContain("ROLE_ADMIN");
    }

    @Test
    void registrationWhenAuthServiceUriSetThenBrowserToIssuerAndBackChannelToAuthService() {
        // compose: browsers reach auth-service at the published localhost:9000, the console by service name
        ClientRegistration registration = registration(new SignInProperties("http://localhost:9000/",
                "http://auth-service:9000", "modelport-console", "secret", ""));
        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo("http://localhost:9000");
        assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo("http://localhost:9000/oauth2/authorize");
        assertThat(registration.getProviderDetails().getConfigurationMetadata())
                .containsEntry("end_session_endpoint", "http://localhost:9000/connect/logout");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("http://auth-service:9000/oauth2/token");
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo("http://auth-service:9000/oauth2/jwks");
    }

    @Test
    void registrationWhenNoAuthServiceUriThenEveryCallToIssuer() {
        ClientRegistration registration = registration(new SignInProperties("https://auth.example.com",
                "", "modelport-console", "secret", ""));
        assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo("https://auth.example.com/oauth2/authorize");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("https://auth.example.com/oauth2/token");
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo("https://auth.example.com/oauth2/jwks");
    }

    private static ClientRegistration registration(SignInProperties properties) {
        return ((InMemoryClientRegistrationRepository) new ConsoleSecurity().clientRegistrations(properties))
                .findByRegistrationId(AccessTokens.REGISTRATION);
    }

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
