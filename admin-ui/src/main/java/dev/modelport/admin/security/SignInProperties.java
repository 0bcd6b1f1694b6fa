package dev.modelport.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console signs admins in through auth-service.
 *
 * @param issuerUri auth-service's issuer ({@code MODELPORT_ISSUER_URI})
 * @param clientId the console's OAuth2 client
 * @param clientSecret its secret ({@code MODELPORT_CONSOLE_SECRET})
 * @param postLogoutRedirectUri where auth-service sends the browser after sign-out; only
 *        when registered for the client there, otherwise auth-service refuses the logout
 */
@ConfigurationProperties("modelport.console")
record SignInProperties(@DefaultValue("http://localhost:9000") String issuerUri,
                        @DefaultValue("modelport-console") String clientId,
                        @DefaultValue("") String clientSecret,
                        @DefaultValue("") String postLogoutRedirectUri) {

    String issuer() {
        return issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
    }
}
