package dev.modelport.auth.clients;

import dev.modelport.support.security.Reach;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The reach rules for API clients. Nobody hands out more than they hold: a new client's scopes
 * lie within the caller's, its models within the caller's model list (a model admin only creates
 * model-limited clients) and its tier at or below the caller's. A caller sees, rotates and revokes
 * only clients whose scopes, models and tier lie within its own, so a model admin never reaches the
 * platform's own clients or one with any model off its list.
 */
@Component
class ClientReach {

    private final ClientProperties properties;

    ClientReach(ClientProperties properties) {
        this.properties = properties;
    }

    /** Throws {@link ReachExceededException} naming the first part of the grant beyond the caller. */
    void requireGrantable(Reach caller, Set<String> scopes, List<String> models, String tier) {
        Set<String> beyond = new TreeSet<>(scopes);
        beyond.removeAll(caller.scopes());
        if (!beyond.isEmpty()) {
            throw new ReachExceededException("scopes", String.join(", ", beyond) + " beyond the caller's reach"
                    + " (it holds " + held(caller.scopes()) + ")");
        }
        List<String> limitedTo = caller.sortedModels().orElse(null);
        if (limitedTo != null && models == null) {
            throw new ReachExceededException("models", "every model is beyond the caller's reach (it is limited to "
                    + limitedTo + "): list the models the client may use");
        }
        if (limitedTo != null) {
            List<String> outside = models.stream().filter(model -> !caller.covers(model)).sorted().toList();
            if (!outside.isEmpty()) {
                throw new ReachExceededException("models", outside + " beyond the caller's reach (it is limited to "
                        + limitedTo + ")");
            }
        }
        if (rank(tier) > rank(caller.tier())) {
            throw new ReachExceededException("tier", "'" + tier + "' is above the caller's tier '"
                    + tierOf(caller) + "' (tiers from lowest: " + String.join(", ", properties.tiers()) + ")");
        }
    }

    /** Whether the caller may see and change {@code client}. */
    boolean isInside(Reach caller, ApiClient client) {
        if (caller.isPlatformAdmin()) {
            return true;
        }
        return caller.scopes().containsAll(client.scopes())
                && caller.coversAll(client.models())
                && rank(client.tier()) <= rank(caller.tier());
    }

    /** The tier's place from the lowest (0); an unknown or missing tier counts as the default tier. */
    int rank(String tier) {
        int rank = tier == null ? -1 : properties.tiers().indexOf(tier);
        return rank >= 0 ? rank : properties.tiers().indexOf(properties.defaultTier());
    }

    /** The highest tier: the platform's own clients get it, so their admins can hand out every tier. */
    String topTier() {
        return properties.tiers().getLast();
    }

    private String tierOf(Reach caller) {
        return properties.tiers().get(rank(caller.tier()));
    }

    private static String held(Collection<String> scopes) {
        return scopes.isEmpty() ? "no ModelPort scope" : String.join(", ", new TreeSet<>(scopes));
    }
}
