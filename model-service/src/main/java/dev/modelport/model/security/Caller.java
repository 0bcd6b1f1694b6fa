package dev.modelport.model.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from their token: the actor recorded in audit records and the models the
 * token may touch ({@code models} claim; absent means all).
 */
public record Caller(String actor, Optional<Set<String>> allowedModels) {

    public static Caller of(Jwt jwt) {
        List<String> models = jwt.getClaimAsStringList("models");
        return new Caller(jwt.getSubject(), Optional.ofNullable(models).map(Set::copyOf));
    }

    public boolean mayUse(String model) {
        return allowedModels.map(models -> models.contains(model)).orElse(true);
    }

    /** Throws 403 when the token's model allowlist does not include {@code model}. */
    public void requireAccess(String model) {
        if (!mayUse(model)) {
            throw new AccessDeniedException("this client may not use model '" + model + "'");
        }
    }
}
