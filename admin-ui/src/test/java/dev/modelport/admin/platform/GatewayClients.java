package dev.modelport.admin.platform;

import dev.modelport.admin.security.IssuedTokens;
import org.springframework.web.client.RestClient;

/** A {@link PlatformApi} for tests in other packages: pointed at a stand-in gateway, relaying one token. */
public final class GatewayClients {

    private GatewayClients() {
    }

    public static PlatformApi pointedAt(String baseUrl, String accessToken) {
        return new PlatformApi(RestClient.builder(), new PlatformApi.GatewayProperties(baseUrl),
                IssuedTokens.issuing(accessToken));
    }
}
