package dev.modelport.admin.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console signs admins in through auth-service.
 *
 * @param issuerUri auth-service's issuer ({@code MODELPORT_ISSUER_URI}): where browsers are sent to sign in
 *        and out, and the {@code iss} of the tokens
 * @param authServiceUri where the console itself reaches auth-service to exchange codes and fetch
 *        keys ({@code MODELPORT_AUTH_SERVICE_URI}); the issuer when empty. In containers the
 *        issuer is the published URL, which inside the console's own container is not auth-service
 * @param clientId the console's OAuth2 client
 * @param clientSecret its secret ({@code MODELPORT_CONSOLE_SECRET})
 * @param postLogoutRedirectUri where auth-service sends the browser after sign-out; only
 *        when registered for the client there, otherwise auth-service refuses the logout
 */
@ConfigurationProperties("modelport.console")
record SignInProperties(@DefaultValue("http://localhost:9000") String issuerUri,
                        @DefaultValue("") String authServiceUri,
                        @DefaultValue("modelport-console") String clientId,
                        @DefaultValue("") String clientSecret,
                        @DefaultValue("") String postLogoutRedirectUri) {

    String issuer() {
        return withoutTrailingSlash(issuerUri);
    }

    /** The console's back channel to auth-service. */
    String backChannel() {
        return authServiceUri.isBlank() ? issuer() : withoutTrailingSlash(authServiceUri);
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
