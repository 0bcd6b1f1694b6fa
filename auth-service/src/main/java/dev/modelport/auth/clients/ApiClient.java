package dev.modelport.auth.clients;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An OAuth2 client as ModelPort sees it. Never holds a secret.
 *
 * @param models the only models the client may use, or null for every model
 * @param revokedAt when it was revoked, or null while it may get tokens
 */
public record ApiClient(String clientId, String name, Set<String> scopes, List<String> models, String tier,
                        String createdBy, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
