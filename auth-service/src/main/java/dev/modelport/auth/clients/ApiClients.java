package dev.modelport.auth.clients;

import dev.modelport.support.audit.AuditLog;
import dev.modelport.support.security.Reach;
import dev.modelport.support.security.Scopes;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes API clients and rotates their secrets, each within the caller's reach
 * ({@link ClientReach}). Each change and its audit record commit together. Secrets are only ever
 * stored hashed and returned once.
 */
@Service
public class ApiClients {

    /** A client just created, with its secret in clear text (shown once). */
    public record Created(ApiClient client, IssuedSecret secret) {
    }

    private final ActiveClients registered;
    private final ApiClientStore store;
    private final ClientProperties properties;
    private final ClientReach reach;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final ClientCredentials credentials = new ClientCredentials();

    ApiClients(ActiveClients registered, ApiClientStore store, ClientProperties properties, ClientReach reach,
               PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.registered = registered;
        this.store = store;
        this.properties = properties;
        this.reach = reach;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The clients inside the caller's reach (every client, for a platform admin). */
    @Transactional(readOnly = true)
    public List<ApiClient> list(Reach caller) {
        return store.findAll().stream().filter(client -> reach.isInside(caller, client)).toList();
    }

    /**
     * Registers a client for client_credentials. {@code models} null means every model;
     * {@code tier} null means the default tier. Name and model-name syntax are checked by the
     * caller's request validation; scopes and tier against what this service knows, then all
     * three against the caller's reach.
     */
    @Transactional
    public Created create(Reach caller, String name, List<String> scopes, List<String> models, String tier) {
        Set<String> grantedScopes = checkScopes(scopes);
        String grantedTier = tier == null ? properties.defaultTier() : checkTier(tier);
        List<String> allowlist = models == null ? null : List.copyOf(new LinkedHashSet<>(models));
        reach.requireGrantable(caller, grantedScopes, allowlist, grantedTier);
        String actor = caller.actor();
        String clientId = credentials.newClientId();
        String secret = credentials.newSecret();
        Instant now = Instant.now(clock);
        RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientIdIssuedAt(now)
                .clientName(name)
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(grantedScopes))
                .tokenSettings(registered.tokenSettings())
                .build();
        registered.save(client);
        ApiClient created = new ApiClient(clientId, name, grantedScopes, allowlist, grantedTier, actor, now, null);
        store.insert(created, client.getId());
        audit.recordReaching(actor, "client.create", clientId, created.models(), describe(created));
        return new Created(created, new IssuedSecret(clientId, secret));
    }

    /**
     * Revokes a client: no new tokens, its refresh tokens dropped; tokens already issued run
     * out within their lifetime. Revoking a revoked client changes nothing. The console's
     * client cannot be revoked: that would lock every admin out of the console.
     */
    @Transactional
    public void revoke(Reach caller, String clientId) {
        ApiClient client = findWithin(caller, clientId);
        if (BootstrapClients.CONSOLE_CLIENT_ID.equals(clientId)) {
            throw new ClientChangeRefusedException(clientId
                    + " is the admin console's client and cannot be revoked; rotate its secret instead");
        }
        if (client.revoked()) {
            return;
        }
        store.markRevoked(clientId, caller.actor(), Instant.now(clock));
        store.deleteAuthorizations(clientId);
        audit.recordReaching(caller.actor(), "client.revoke", clientId, client.models(), describe(client));
    }

    /** Replaces the client's secret; the old one fails from the moment this commits. */
    @Transactional
    public IssuedSecret rotateSecret(Reach caller, String clientId) {
        ApiClient client = findWithin(caller, clientId);
        if (client.revoked()) {
            throw new ClientChangeRefusedException(clientId + " is revoked");
        }
        RegisteredClient current = registered.findIncludingRevoked(clientId);
        String secret = credentials.newSecret();
        registered.save(RegisteredClient.from(current).clientSecret(encoder.encode(secret)).build());
        audit.recordReaching(caller.actor(), "client.secret.rotate", clientId, client.models(),
                Map.of("name", client.name()));
        return new IssuedSecret(clientId, secret);
    }

    /** The client, if it exists and lies inside the caller's reach; otherwise 404 either way. */
    private ApiClient findWithin(Reach caller, String clientId) {
        ApiClient client = store.find(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        if (!reach.isInside(caller, client)) {
            throw new ClientOutsideReachException(clientId);
        }
        return client;
    }

    private Set<String> checkScopes(List<String> scopes) {
        Set<String> checked = new TreeSet<>();
        for (String scope : scopes) {
            if (!Scopes.isApiScope(scope)) {
                throw new InvalidClientException("scopes", "unknown scope '" + scope + "' (known: "
                        + String.join(", ", Scopes.API) + ")");
            }
            checked.add(scope);
        }
        return checked;
    }

    private String checkTier(String tier) {
        if (!properties.tiers().contains(tier)) {
            throw new InvalidClientException("tier", "unknown tier '" + tier + "' (known: "
                    + String.join(", ", properties.tiers()) + ")");
        }
        return tier;
    }

    static Map<String, Object> describe(ApiClient client) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", client.name());
        details.put("scopes", List.copyOf(client.scopes()));
        details.put("models", client.models());
        details.put("tier", client.tier());
        return details;
    }
}
