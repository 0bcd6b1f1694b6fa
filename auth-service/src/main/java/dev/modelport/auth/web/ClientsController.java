package dev.modelport.auth.web;

import dev.modelport.auth.clients.ApiClients;
import dev.modelport.auth.clients.IssuedSecret;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/clients}: the API clients consumers and automation get tokens with. */
@RestController
@RequestMapping("/api/clients")
class ClientsController {

    private final ApiClients clients;

    ClientsController(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    List<ClientResponse> list() {
        return clients.list().stream().map(ClientResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<CreatedClientResponse> create(@AuthenticationPrincipal Jwt caller,
                                                 @Valid @RequestBody CreateClientRequest request) {
        ApiClients.Created created = clients.create(caller.getSubject(), request.name(), request.scopes(),
                request.models(), request.tier());
        return ResponseEntity.created(URI.create("/api/clients/" + created.client().clientId()))
                .body(CreatedClientResponse.of(created));
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt caller, @PathVariable String clientId) {
        clients.revoke(caller.getSubject(), clientId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{clientId}/secret")
    SecretResponse rotateSecret(@AuthenticationPrincipal Jwt caller, @PathVariable String clientId) {
        IssuedSecret secret = clients.rotateSecret(caller.getSubject(), clientId);
        return new SecretResponse(secret.clientId(), secret.secret());
    }
}
