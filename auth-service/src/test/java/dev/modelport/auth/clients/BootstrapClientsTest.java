package dev.modelport.auth.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modelport.auth.AuthServiceIntegrationTest;
import dev.modelport.support.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

class BootstrapClientsTest extends AuthServiceIntegrationTest {

    @Autowired
    ActiveClients registered;
    @Autowired
    ApiClientStore store;
    @Autowired
    ClientReach reach;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void runWhenClientsExistThenTheirSecretsAreLeftAlone() throws Exception {
        bootstrap("another-cli-secret", "another-console-secret").run(new DefaultApplicationArguments());

        assertThat(requestToken("modelport-cli", CLI_SECRET, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        assertThat(requestToken("modelport-cli", "another-cli-secret", "grant_type=client_credentials").statusCode())
                .isEqualTo(401);
    }

    @Test
    void runWhenClientMissingAndSecretBlankThenFailsNamingTheVariable() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM oauth2_registered_client WHERE client_id = 'modelport-console'").update();
            assertThatThrownBy(() -> bootstrap(CLI_SECRET, " ").run(new DefaultApplicationArguments()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MODELPORT_CONSOLE_SECRET");
            status.setRollbackOnly();
        });
        assertThat(registered.findByClientId("modelport-console")).isNotNull();
    }

    @Test
    void runWhenPlatformClientInLowerTierThenRaisedToTheTopTierAndAudited() throws Exception {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE api_client SET tier = 'standard' WHERE client_id = 'modelport-cli'").update();
            bootstrap(CLI_SECRET, CONSOLE_SECRET).run(new DefaultApplicationArguments());
            assertThat(store.find("modelport-cli")).hasValueSatisfying(cli -> assertThat(cli.tier()).isEqualTo("premium"));
            assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_record WHERE action = 'client.tier'"
                    + " AND target = 'modelport-cli' AND details ->> 'before' = 'standard'").query(Long.class).single())
                    .isEqualTo(1);
            bootstrap(CLI_SECRET, CONSOLE_SECRET).run(new DefaultApplicationArguments());
            assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_record WHERE action = 'client.tier'"
                    + " AND target = 'modelport-cli'").query(Long.class).single()).as("once").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(store.find("modelport-console")).hasValueSatisfying(console ->
                assertThat(console.tier()).isEqualTo("premium"));
    }

    @Test
    void runWhenConsoleMovedThenItsRedirectsFollowTheConfigurationOnceAndAudited() {
        transactions.executeWithoutResult(status -> {
            BootstrapClients moved = new BootstrapClients(registered, store,
                    new ClientBootstrapProperties(CLI_SECRET, CONSOLE_SECRET,
                            List.of("https://console.example.com/login/oauth2/code/modelport"),
                            List.of("https://console.example.com/")),
                    reach, encoder, audit, Clock.systemUTC());
            moved.run(new DefaultApplicationArguments());
            moved.run(new DefaultApplicationArguments());
            assertThat(registered.findByClientId("modelport-console").getRedirectUris())
                    .containsExactly("https://console.example.com/login/oauth2/code/modelport");
            assertThat(registered.findByClientId("modelport-console").getPostLogoutRedirectUris())
                    .containsExactly("https://console.example.com/");
            assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_record WHERE action = 'client.redirects'"
                    + " AND target = 'modelport-console'").query(Long.class).single()).as("once").isEqualTo(1);
            // the secret is still the first start's
            assertThat(encoder.matches(CONSOLE_SECRET, registered.findByClientId("modelport-console").getClientSecret()))
                    .isTrue();
            status.setRollbackOnly();
        });
    }

    @Test
    void bootstrapWhenDoneThenSecretsStoredAsBcryptHashes() {
        List<String> secrets = jdbc.sql("SELECT client_secret FROM oauth2_registered_client").query(String.class).list();
        assertThat(secrets).isNotEmpty().allSatisfy(secret -> assertThat(secret).startsWith("{bcrypt}"));
        assertThat(String.join(" ", secrets)).doesNotContain(CLI_SECRET).doesNotContain(CONSOLE_SECRET);
    }

    private BootstrapClients bootstrap(String cliSecret, String consoleSecret) {
        return new BootstrapClients(registered, store,
                new ClientBootstrapProperties(cliSecret, consoleSecret, List.of("http://localhost:8090/cb"),
                        List.of("http://localhost:8090/")),
                reach, encoder, audit, Clock.systemUTC());
    }
}
