package dev.modelport.admin.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/** {@link AccessTokens} as if auth-service had issued {@code token} to whoever is signed in. */
public final class IssuedTokens {

    private IssuedTokens() {
    }

    public static AccessTokens issuing(String token) {
        ClientRegistration console = ClientRegistration.withRegistrationId(AccessTokens.REGISTRATION)
                .clientId("modelport-console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login/oauth2/code/modelport")
                .authorizationUri("http://localhost/oauth2/authorize")
                .tokenUri("http://localhost/oauth2/token")
                .build();
        Instant now = Instant.now();
        return new AccessTokens(request -> new OAuth2AuthorizedClient(console, request.getPrincipal().getName(),
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, now, now.plus(Duration.ofMinutes(5)))));
    }
}
