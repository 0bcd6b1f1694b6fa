package dev.modelport.gateway.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * The API client behind a request, from its validated token: what rate limiting and the access
 * log key on. Kept as an exchange attribute so filters outside the security chain see it too.
 */
public record AuthenticatedClient(String clientId, String tier) {

    static final String ATTRIBUTE = AuthenticatedClient.class.getName();

    static Optional<AuthenticatedClient> of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        String clientId = token.getToken().getClaimAsString("client_id");
        String id = clientId != null ? clientId : token.getName();
        return Optional.of(new AuthenticatedClient(id, token.getToken().getClaimAsString("tier")));
    }

    /** The client a request was authenticated as, once the security chain has run. */
    public static Optional<AuthenticatedClient> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
