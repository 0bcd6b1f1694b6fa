package dev.modelport.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

class ReachTest {

    @Test
    void ofWhenTokenListsScopesAndModelsThenOnlyApiScopesAndThoseModels() {
        Reach reach = Reach.of(jwt(List.of("openid", "models.admin", "models.read"), List.of("iris", "churn"), "free"));

        assertThat(reach.actor()).isEqualTo("caller");
        assertThat(reach.scopes()).containsExactlyInAnyOrder("models.admin", "models.read");
        assertThat(reach.models()).hasValueSatisfying(models -> assertThat(models).containsExactlyInAnyOrder("iris", "churn"));
        assertThat(reach.tier()).isEqualTo("free");
        assertThat(reach.isPlatformAdmin()).as("a model admin").isFalse();
    }

    @Test
    void ofWhenScopeClaimIsASpaceSeparatedStringThenEachScope() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("caller")
                .claim("scope", "models.read models.infer").issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(1))
                .build();

        assertThat(Reach.of(jwt).scopes()).containsExactlyInAnyOrder("models.read", "models.infer");
    }

    @Test
    void isPlatformAdminWhenAdminScopeAndNoModelListThenTrue() {
        assertThat(Reach.of(jwt(List.of("models.admin"), null, null)).isPlatformAdmin()).isTrue();
        assertThat(Reach.of(jwt(List.of("models.read"), null, null)).isPlatformAdmin()).as("no admin scope").isFalse();
    }

    @Test
    void coversAllWhenSubsetThenTrueAndEveryModelOnlyForUnlimited() {
        Reach limited = new Reach("c", Set.of("models.admin"), Optional.of(Set.of("iris", "churn")), null);
        Reach unlimited = new Reach("c", Set.of("models.admin"), Optional.empty(), null);

        assertThat(limited.coversAll(List.of("iris"))).isTrue();
        assertThat(limited.coversAll(List.of("iris", "churn"))).isTrue();
        assertThat(limited.coversAll(List.of("iris", "fraud"))).isFalse();
        assertThat(limited.coversAll(null)).as("every model").isFalse();
        assertThat(unlimited.coversAll(null)).isTrue();
        assertThat(unlimited.coversAll(List.of("anything"))).isTrue();
    }

    @Test
    void requireModelWhenOffTheListThenAccessDeniedNamingIt() {
        Reach limited = Reach.of(jwt(List.of("models.read"), List.of("iris"), null));

        assertThatCode(() -> limited.requireModel("iris")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limited.requireModel("fraud")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("this client may not use model 'fraud'");
    }

    @Test
    void requirePlatformAdminWhenModelAdminThenAccessDeniedNamingItsModels() {
        Reach modelAdmin = Reach.of(jwt(List.of("models.admin"), List.of("iris", "churn"), null));

        assertThatThrownBy(() -> modelAdmin.requirePlatformAdmin("rotating the signing keys"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("rotating the signing keys is for platform admins only: this token is limited to models [churn, iris]");
        assertThatCode(() -> Reach.of(jwt(List.of("models.admin"), null, null)).requirePlatformAdmin("x"))
                .doesNotThrowAnyException();
    }

    private static Jwt jwt(List<String> scopes, @Nullable List<String> models, @Nullable String tier) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("caller").claim("scope", scopes)
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60));
        if (models != null) {
            jwt.claim("models", models);
        }
        if (tier != null) {
            jwt.claim("tier", tier);
        }
        return jwt.build();
    }
}
