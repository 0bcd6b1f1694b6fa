package dev.modelport.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.support.security.Reach;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientReachTest {

    private final ClientReach reach = new ClientReach(new ClientProperties(List.of("free", "standard", "premium"), "standard"));

    private static final Reach PLATFORM = new Reach("modelport-cli",
            Set.of("models.infer", "models.read", "models.admin"), Optional.empty(), "premium");
    private static final Reach IRIS_ADMIN = new Reach("mp-iris-admin", Set.of("models.admin", "models.read"),
            Optional.of(Set.of("iris", "churn")), "standard");

    @Test
    void requireGrantableWhenScopesModelsAndTierWithinThenAccepted() {
        assertThatCode(() -> reach.requireGrantable(IRIS_ADMIN, Set.of("models.read"), List.of("iris"), "free"))
                .doesNotThrowAnyException();
        assertThatCode(() -> reach.requireGrantable(IRIS_ADMIN, Set.of("models.admin", "models.read"),
                List.of("iris", "churn"), "standard")).doesNotThrowAnyException();
        assertThatCode(() -> reach.requireGrantable(PLATFORM, Set.of("models.admin"), null, "premium"))
                .doesNotThrowAnyException();
    }

    @Test
    void requireGrantableWhenScopeBeyondCallerThenRefusedNamingScopes() {
        assertThatThrownBy(() -> reach.requireGrantable(IRIS_ADMIN, Set.of("models.infer", "models.read"),
                List.of("iris"), "standard"))
                .isInstanceOf(ReachExceededException.class)
                .hasMessage("scopes: models.infer beyond the caller's reach (it holds models.admin, models.read)");
    }

    @Test
    void requireGrantableWhenModelAdminAsksForEveryModelThenRefusedNamingModels() {
        assertThatThrownBy(() -> reach.requireGrantable(IRIS_ADMIN, Set.of("models.admin"), null, "standard"))
                .isInstanceOf(ReachExceededException.class)
                .hasMessageStartingWith("models: every model is beyond the caller's reach (it is limited to [churn, iris])");
    }

    @Test
    void requireGrantableWhenModelOffTheCallersListThenRefusedNamingIt() {
        assertThatThrownBy(() -> reach.requireGrantable(IRIS_ADMIN, Set.of("models.read"), List.of("iris", "fraud"),
                "standard"))
                .isInstanceOf(ReachExceededException.class)
                .hasMessage("models: [fraud] beyond the caller's reach (it is limited to [churn, iris])");
    }

    @Test
    void requireGrantableWhenTierAboveCallersThenRefusedNamingTier() {
        assertThatThrownBy(() -> reach.requireGrantable(IRIS_ADMIN, Set.of("models.read"), List.of("iris"), "premium"))
                .isInstanceOf(ReachExceededException.class)
                .hasMessageStartingWith("tier: 'premium' is above the caller's tier 'standard'");
    }

    @Test
    void rankWhenTierMissingOrUnknownThenTheDefaultTiersPlace() {
        assertThat(reach.rank("free")).isZero();
        assertThat(reach.rank("premium")).isEqualTo(2);
        assertThat(reach.rank(null)).isEqualTo(1);
        assertThat(reach.rank("platinum")).isEqualTo(1);
        assertThat(reach.topTier()).isEqualTo("premium");
    }

    @Test
    void isInsideWhenModelAdminThenOnlyClientsWithinItsScopesModelsAndTier() {
        assertThat(reach.isInside(IRIS_ADMIN, client(Set.of("models.read"), List.of("iris"), "free"))).isTrue();
        assertThat(reach.isInside(IRIS_ADMIN, client(Set.of("models.read"), List.of("iris", "churn"), "standard"))).isTrue();
        assertThat(reach.isInside(IRIS_ADMIN, client(Set.of("models.read"), null, "standard")))
                .as("an unlimited client, like modelport-cli").isFalse();
        assertThat(reach.isInside(IRIS_ADMIN, client(Set.of("models.read"), List.of("iris", "fraud"), "standard")))
                .as("one model off the list").isFalse();
        assertThat(reach.isInside(IRIS_ADMIN, client(Set.of("models.infer"), List.of("iris"), "standard")))
                .as("a scope it lacks").isFalse();
        assertThat(reach.isInside(IRIS_ADMIN, client(Set.of("models.read"), List.of("iris"), "premium")))
                .as("a higher tier").isFalse();
    }

    @Test
    void isInsideWhenPlatformAdminThenEveryClient() {
        assertThat(reach.isInside(PLATFORM, client(Set.of("models.admin", "openid"), null, "premium"))).isTrue();
    }

    private static ApiClient client(Set<String> scopes, List<String> models, String tier) {
        return new ApiClient("mp-x", "x", scopes, models, tier, "someone", Instant.EPOCH, null);
    }
}
