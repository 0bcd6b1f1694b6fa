package dev.modelport.auth.clients;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Values for the platform's own clients: a secret is read only while its client does not exist;
 * the console's addresses are applied on every start.
 *
 * @param cliSecret secret of {@code modelport-cli} ({@code MODELPORT_CLI_SECRET})
 * @param consoleSecret secret of {@code modelport-console} ({@code MODELPORT_CONSOLE_SECRET})
 * @param consoleRedirectUris where the console may receive authorization codes
 * @param consolePostLogoutRedirectUris where auth-service may send the browser after the console signs out
 */
@ConfigurationProperties("modelport.auth")
public record ClientBootstrapProperties(
        String cliSecret,
        String consoleSecret,
        @DefaultValue("http://localhost:8090/login/oauth2/code/modelport") List<String> consoleRedirectUris,
        @DefaultValue("http://localhost:8090/") List<String> consolePostLogoutRedirectUris) {

    @Override
    public String toString() {
        return "ClientBootstrapProperties[cliSecret=<hidden>, consoleSecret=<hidden>, consoleRedirectUris="
                + consoleRedirectUris + ", consolePostLogoutRedirectUris=" + consolePostLogoutRedirectUris + "]";
    }
}
