package dev.modelport.auth.clients;

import dev.modelport.auth.server.AuthProperties;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The registered clients the authorization server sees: those in PostgreSQL that are not
 * revoked (a revoked client is unknown to it, so it gets no token), with today's token
 * lifetimes rather than the ones in force when the client was registered.
 */
@Component
class ActiveClients implements RegisteredClientRepository {

    private final JdbcRegisteredClientRepository registered;
    private final ApiClientStore apiClients;
    private final TokenSettings tokenSettings;

    ActiveClients(JdbcOperations jdbc, ApiClientStore apiClients, AuthProperties properties) {
        this.registered = new JdbcRegisteredClientRepository(jdbc);
        this.apiClients = apiClients;
        this.tokenSettings = TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .refreshTokenTimeToLive(properties.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    @Override
    public void save(RegisteredClient client) {
        registered.save(client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return active(registered.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return active(registered.findByClientId(clientId));
    }

    /** The client whether revoked or not, as stored; for management. */
    RegisteredClient findIncludingRevoked(String clientId) {
        return registered.findByClientId(clientId);
    }

    TokenSettings tokenSettings() {
        return tokenSettings;
    }

    private RegisteredClient active(RegisteredClient client) {
        if (client == null || apiClients.isRevoked(client.getClientId())) {
            return null;
        }
        return RegisteredClient.from(client).tokenSettings(tokenSettings).build();
    }
}
