package dev.modelport.auth.clients;

import dev.modelport.support.audit.AuditLog;
import dev.modelport.support.security.Scopes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the platform's own clients on first start: {@code modelport-cli} (automation,
 * client_credentials, every scope) and {@code modelport-console} (the admin console:
 * authorization_code with PKCE, refresh tokens, no consent screen). Both get the highest tier, so
 * their platform admins can hand out every tier (nobody hands out more than they hold); one from an
 * older version in a lower tier is raised to it, and the console's redirect addresses follow the
 * configuration. Otherwise a client that exists, revoked or with a rotated secret, is left alone.
 */
@Component
class BootstrapClients implements ApplicationRunner {

    static final String CLI_CLIENT_ID = "modelport-cli";
    static final String CONSOLE_CLIENT_ID = "modelport-console";
    static final String ACTOR = "auth-service";

    private final ActiveClients registered;
    private final ApiClientStore store;
    private final ClientBootstrapProperties bootstrap;
    private final ClientReach reach;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    BootstrapClients(ActiveClients registered, ApiClientStore store, ClientBootstrapProperties bootstrap,
                     ClientReach reach, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.registered = registered;
        this.store = store;
        this.bootstrap = bootstrap;
        this.reach = reach;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        store.lockForBootstrap();
        if (registered.findIncludingRevoked(CLI_CLIENT_ID) == null) {
            create(cli(required(bootstrap.cliSecret(), "MODELPORT_CLI_SECRET", CLI_CLIENT_ID)), "ModelPort automation");
        }
        if (registered.findIncludingRevoked(CONSOLE_CLIENT_ID) == null) {
            create(console(required(bootstrap.consoleSecret(), "MODELPORT_CONSOLE_SECRET", CONSOLE_CLIENT_ID)),
                    "ModelPort console");
        }
        raiseToTopTier(CLI_CLIENT_ID);
        raiseToTopTier(CONSOLE_CLIENT_ID);
        followConsoleAddress();
    }

    /**
     * The console's redirect and sign-out addresses are configuration, not first-start values:
     * an operator who moves the console (MODELPORT_CONSOLE_URL in compose) restarts auth-service
     * and signing in works, instead of failing with invalid_request on the old address.
     */
    private void followConsoleAddress() {
        RegisteredClient console = registered.findIncludingRevoked(CONSOLE_CLIENT_ID);
        Set<String> redirects = new TreeSet<>(bootstrap.consoleRedirectUris());
        Set<String> logouts = new TreeSet<>(bootstrap.consolePostLogoutRedirectUris());
        if (console == null || (redirects.equals(new TreeSet<>(console.getRedirectUris()))
                && logouts.equals(new TreeSet<>(console.getPostLogoutRedirectUris())))) {
            return;
        }
        Map<String, Object> details = Map.of(
                "before", Map.of("redirectUris", new TreeSet<>(console.getRedirectUris()),
                        "postLogoutRedirectUris", new TreeSet<>(console.getPostLogoutRedirectUris())),
                "after", Map.of("redirectUris", redirects, "postLogoutRedirectUris", logouts));
        registered.save(RegisteredClient.from(console)
                .redirectUris(uris -> {
                    uris.clear();
                    uris.addAll(redirects);
                })
                .postLogoutRedirectUris(uris -> {
                    uris.clear();
                    uris.addAll(logouts);
                })
                .build());
        audit.record(ACTOR, "client.redirects", CONSOLE_CLIENT_ID, null, details);
    }

    private void raiseToTopTier(String clientId) {
        String top = reach.topTier();
        store.find(clientId).filter(client -> !top.equals(client.tier())).ifPresent(client -> {
            store.updateTier(clientId, top);
            audit.record(ACTOR, "client.tier", clientId, null, Map.of("before", client.tier(), "after", top));
        });
    }

    private RegisteredClient.Builder cli(String secret) {
        return RegisteredClient.withId(CLI_CLIENT_ID)
                .clientId(CLI_CLIENT_ID)
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(Scopes.API));
    }

    private RegisteredClient.Builder console(String secret) {
        return RegisteredClient.withId(CONSOLE_CLIENT_ID)
                .clientId(CONSOLE_CLIENT_ID)
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(bootstrap.consoleRedirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(bootstrap.consolePostLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scopes(scopes -> scopes.addAll(Scopes.API))
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build());
    }

    private void create(RegisteredClient.Builder builder, String name) {
        Instant now = Instant.now(clock);
        RegisteredClient client = builder.clientName(name)
                .clientIdIssuedAt(now)
                .tokenSettings(registered.tokenSettings())
                .build();
        registered.save(client);
        Set<String> scopes = new TreeSet<>(client.getScopes());
        ApiClient created = new ApiClient(client.getClientId(), name, scopes, null, reach.topTier(),
                ACTOR, now, null);
        store.insert(created, client.getId());
        Map<String, Object> details = ApiClients.describe(created);
        details.put("bootstrap", true);
        audit.record(ACTOR, "client.create", client.getClientId(), null, details);
    }

    private static String required(String secret, String variable, String clientId) {
        if (!StringUtils.hasText(secret)) {
            throw new IllegalStateException("set " + variable + ": the client " + clientId
                    + " does not exist yet and is created with it (bin/platform generates one)");
        }
        return secret;
    }
}
