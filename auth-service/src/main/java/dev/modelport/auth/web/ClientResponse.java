package dev.modelport.auth.web;

import dev.modelport.auth.clients.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A client as listed: never its secret. */
record ClientResponse(String clientId, String name, Set<String> scopes, List<String> models, String tier,
                      boolean revoked, String createdBy, Instant createdAt, Instant revokedAt) {

    static ClientResponse of(ApiClient client) {
        return new ClientResponse(client.clientId(), client.name(), client.scopes(), client.models(), client.tier(),
                client.revoked(), client.createdBy(), client.createdAt(), client.revokedAt());
    }
}
