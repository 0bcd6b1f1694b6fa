package dev.modelport.admin.clients;

import dev.modelport.admin.platform.PlatformApi;
import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/** auth-service's API clients: list, create, rotate a secret, revoke. */
@Service
class ClientsClient {

    record ApiClient(String clientId, String name, List<String> scopes, List<String> models, String tier,
                     boolean revoked, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    record NewClient(String name, List<String> scopes, List<String> models, String tier) {
    }

    /** The only time a secret is seen: right after creating or rotating. */
    record IssuedSecret(String clientId, String clientSecret) {
    }

    private final PlatformApi api;

    ClientsClient(PlatformApi api) {
        this.api = api;
    }

    List<ApiClient> list() {
        return api.rest().get().uri("/api/clients").retrieve().body(new ParameterizedTypeReference<List<ApiClient>>() { });
    }

    IssuedSecret create(NewClient client) {
        return api.rest().post().uri("/api/clients").contentType(MediaType.APPLICATION_JSON).body(client)
                .retrieve().body(IssuedSecret.class);
    }

    IssuedSecret rotate(String clientId) {
        return api.rest().post().uri("/api/clients/{id}/secret", clientId).retrieve().body(IssuedSecret.class);
    }

    /** Names of the models a client can be limited to. */
    List<String> modelNames() {
        record Named(String name) {
        }
        return api.rest().get().uri("/api/models").retrieve().body(new ParameterizedTypeReference<List<Named>>() { })
                .stream().map(Named::name).sorted().toList();
    }

    void revoke(String clientId) {
        api.rest().delete().uri("/api/clients/{id}", clientId).retrieve().toBodilessEntity();
    }
}
