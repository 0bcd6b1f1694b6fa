package dev.modelport.auth.clients;

import dev.modelport.auth.server.AuthProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What every access token tells ModelPort's resource servers about its client: the platform
 * audience, {@code client_id}, the rate-limit {@code tier}, and {@code models} when the client
 * is limited to some models (absent: every model). ID tokens keep their standard claims.
 */
@Component
class ClientTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final ApiClientStore store;
    private final AuthProperties properties;
    private final ClientProperties clientProperties;

    ClientTokenClaims(ApiClientStore store, AuthProperties properties, ClientProperties clientProperties) {
        this.store = store;
        this.properties = properties;
        this.clientProperties = clientProperties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        var claims = context.getClaims()
                // mutable JDK collections: the stored authorization is read back through Spring
                // Security's Jackson allowlist (refresh tokens), which refuses List.of's classes
                .audience(new ArrayList<>(List.of(properties.audience())))
                .claim("client_id", clientId);
        store.find(clientId).ifPresentOrElse(client -> {
            claims.claim("tier", client.tier());
            if (client.models() != null) {
                claims.claim("models", new ArrayList<>(client.models()));
            }
        }, () -> claims.claim("tier", clientProperties.defaultTier()));
    }
}
