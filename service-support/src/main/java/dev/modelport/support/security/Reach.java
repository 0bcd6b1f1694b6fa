package dev.modelport.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.access.AccessDeniedException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What a token may reach: its API scopes and the models it is limited to (its {@code models}
 * claim; absent means every model). A {@code models.admin} token without a model list is a
 * platform admin; with one it is a model admin. Nobody hands out, sees or touches more than
 * its reach.
 *
 * @param actor who the token speaks for (its subject), as audit records name it
 * @param scopes the token's ModelPort scopes (others, like {@code openid}, are left out)
 * @param models the only models it may use, or empty for every model
 * @param tier its rate-limit tier claim, or null when it carries none
 */
public record Reach(String actor, Set<String> scopes, Optional<Set<String>> models, @Nullable String tier) {

    /** The actor of a token without a {@code sub} claim. */
    public static final String NO_SUBJECT = "(no subject)";

    public Reach {
        scopes = Set.copyOf(scopes);
        models = models.map(Set::copyOf);
    }

    public static Reach of(Jwt jwt) {
        Set<String> scopes = new TreeSet<>();
        Object claim = jwt.getClaim("scope");
        if (claim instanceof String spaced) {
            scopes.addAll(List.of(spaced.split(" ")));
        } else if (claim instanceof Collection<?> listed) {
            listed.forEach(scope -> scopes.add(String.valueOf(scope)));
        }
        scopes.removeIf(scope -> !Scopes.isApiScope(scope));
        List<String> models = jwt.getClaimAsStringList("models");
        // auth-service always sets sub; a token from elsewhere without one is still named in logs
        String subject = jwt.getSubject();
        return new Reach(subject == null ? NO_SUBJECT : subject, scopes, Optional.ofNullable(models).map(Set::copyOf),
                jwt.getClaimAsString("tier"));
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** {@code models.admin} over every model. */
    public boolean isPlatformAdmin() {
        return has(Scopes.ADMIN) && models.isEmpty();
    }

    public boolean covers(String model) {
        return models.map(allowed -> allowed.contains(model)).orElse(true);
    }

    /** Whether every one of {@code others} is within reach; {@code null} stands for every model. */
    public boolean coversAll(@Nullable Collection<String> others) {
        if (others == null) {
            return models.isEmpty();
        }
        return models.map(allowed -> allowed.containsAll(others)).orElse(true);
    }

    /** The model list, sorted, for messages; empty for every model. */
    public Optional<List<String>> sortedModels() {
        return models.map(allowed -> List.copyOf(new TreeSet<>(allowed)));
    }

    /** Throws 403 when {@code model} is outside the token's model list. */
    public void requireModel(String model) {
        if (!covers(model)) {
            throw new AccessDeniedException("this client may not use model '" + model + "'");
        }
    }

    /** Throws 403 unless this is a platform admin; {@code what} names the thing refused. */
    public void requirePlatformAdmin(String what) {
        if (!isPlatformAdmin()) {
            throw new AccessDeniedException(what + " is for platform admins only"
                    + sortedModels().map(list -> ": this token is limited to models " + list).orElse(""));
        }
    }
}
