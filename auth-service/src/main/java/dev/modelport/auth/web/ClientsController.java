package dev.modelport.auth.web;

import dev.modelport.auth.clients.ApiClients;
import dev.modelport.auth.clients.IssuedSecret;
import dev.modelport.support.security.Reach;
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

/**
 * {@code /api/clients}: the API clients consumers and automation get tokens with, as far as the
 * caller's reach goes (a model admin sees and changes only clients inside its own reach).
 */
@RestController
@RequestMapping("/api/clients")
class ClientsController {

    private final ApiClients clients;

    ClientsController(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    List<ClientResponse> list(@AuthenticationPrincipal Jwt caller) {
        return clients.list(Reach.of(caller)).stream().map(ClientResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<CreatedClientResponse> create(@AuthenticationPrincipal Jwt caller,
                                                 @Valid @RequestBody CreateClientRequest request) {
        ApiClients.Created created = clients.create(Reach.of(caller), request.name(), request.scopes(),
                request.models(), request.tier());
        return ResponseEntity.created(URI.create("/api/clients/" + created.client().clientId()))
                .body(CreatedClientResponse.of(created));
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt caller, @PathVariable String clientId) {
        clients.revoke(Reach.of(caller), clientId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{clientId}/secret")
    SecretResponse rotateSecret(@AuthenticationPrincipal Jwt caller, @PathVariable String clientId) {
        IssuedSecret secret = clients.rotateSecret(Reach.of(caller), clientId);
        return new SecretResponse(secret.clientId(), secret.secret());
    }
}
