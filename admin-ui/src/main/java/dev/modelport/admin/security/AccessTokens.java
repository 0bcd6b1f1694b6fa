package dev.modelport.admin.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * The signed-in admin's access token for calls to the platform, refreshed with the refresh
 * token when it has expired. The console never holds more rights than that token.
 */
@Component
public class AccessTokens {

    static final String REGISTRATION = "modelport";

    private final OAuth2AuthorizedClientManager clients;

    AccessTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    /** The current admin's access token; {@link SignInExpiredException} when it can't be had. */
    public String current() {
        Authentication admin = SecurityContextHolder.getContext().getAuthentication();
        if (admin == null || !admin.isAuthenticated()) {
            throw new SignInExpiredException("not signed in", null);
        }
        try {
            OAuth2AuthorizedClient client = clients.authorize(
                    OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(admin).build());
            if (client == null) {
                throw new SignInExpiredException("no tokens for " + admin.getName(), null);
            }
            return client.getAccessToken().getTokenValue();
        } catch (OAuth2AuthorizationException refreshFailed) {
            throw new SignInExpiredException("the session with auth-service has ended", refreshFailed);
        }
    }
}
