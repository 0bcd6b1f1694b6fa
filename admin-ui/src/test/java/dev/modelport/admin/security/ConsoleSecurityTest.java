package dev.modelport.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
