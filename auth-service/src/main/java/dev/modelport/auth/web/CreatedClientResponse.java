package dev.modelport.auth.web;

import dev.modelport.auth.clients.ApiClients;
import java.util.List;
import java.util.Set;

/** The answer to creating a client: the only response that ever holds its secret. */
record CreatedClientResponse(String clientId, String clientSecret, String name, Set<String> scopes,
                             List<String> models, String tier) {

    static CreatedClientResponse of(ApiClients.Created created) {
        var client = created.client();
        return new CreatedClientResponse(client.clientId(), created.secret().secret(), client.name(),
                client.scopes(), client.models(), client.tier());
    }

    /** Debug logging of response bodies must not print the secret. */
    @Override
    public String toString() {
        return "CreatedClientResponse[clientId=" + clientId + ", clientSecret=<hidden>, name=" + name + "]";
    }
}
