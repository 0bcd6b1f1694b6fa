package dev.modelport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshCommandTest {

    private static final String INFRA = "Basic " + Base64.getEncoder()
            .encodeToString(("modelport:" + CliRun.INFRA_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path home;

    @Test
    void refreshWhenNoBusThenEachInstanceIsRefreshedAndItsChangedKeysPrinted() throws IOException {
        try (StubService gateway = new StubService().answer("/actuator/refresh", 200, "[\"config.client.version\",\"a.b\"]");
             StubService worker = new StubService().answer("/actuator/refresh", 200, "[]")) {
            int closed = StubService.closedPort();

            CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "--bus", "off",
                    "registry:registry:" + closed, "config-server:config-server:" + closed,
                    "gateway:gateway:" + gateway.port(), "model-service-1:model-service:" + worker.port());

            assertThat(run.err()).isEmpty();
            assertThat(run.out()).isEqualTo("""
                    No bus: refreshing each instance through its /actuator/refresh:
                      gateway            :%-5d refreshed; changed: config.client.version, a.b
                      model-service-1    :%-5d refreshed; nothing changed
                    """.formatted(gateway.port(), worker.port()));
            assertThat(run.status()).isZero();
            assertThat(gateway.received.getFirst().method()).isEqualTo("POST");
            assertThat(gateway.received.getFirst().authorization()).isEqualTo(INFRA);
        }
    }

    @Test
    void refreshWhenInstanceAnswers401ThenLineSaysWhichCredentialIsWrongAndExitIs1() throws IOException {
        try (StubService gateway = new StubService().answer("/actuator/refresh", 401, "")) {
            CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "gateway:gateway:" + gateway.port());

            assertThat(run.out()).contains("  gateway            :" + gateway.port()
                    + " refresh failed: gateway refused the infrastructure user 'modelport': check MODELPORT_INFRA_PASSWORD"
                    + " (from the environment) (401 to POST " + gateway.url() + "/actuator/refresh)");
            assertThat(run.out()).doesNotContain(CliRun.INFRA_PASSWORD);
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void refreshWhenAnInstanceIsDownThenItsLineNamesItAndTheOthersAreStillRefreshed() throws IOException {
        try (StubService gateway = new StubService().answer("/actuator/refresh", 200, "[\"x\"]")) {
            int closed = StubService.closedPort();

            CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "model-service-1:model-service:" + closed,
                    "gateway:gateway:" + gateway.port());

            assertThat(run.out()).contains("  model-service-1    :" + closed + " refresh failed: model-service-1 does not answer on"
                    + " http://localhost:" + closed + " (POST http://localhost:" + closed + "/actuator/refresh: connection refused)");
            assertThat(run.out()).contains(":" + gateway.port() + " refreshed; changed: x");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void refreshWhenAnswerIsNotJsonThenLineSaysSo() throws IOException {
        try (StubService gateway = new StubService().answer("/actuator/refresh", 200, "<html>oops</html>")) {
            CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "gateway:gateway:" + gateway.port());

            assertThat(run.out()).contains("refresh failed: gateway answered POST " + gateway.url()
                    + "/actuator/refresh with something that is not JSON: <html>oops</html>");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void refreshWhenBusThenOneBusRefreshToConfigServerAndEachInstanceReportsWhatChanged() throws IOException {
        AtomicInteger refreshes = new AtomicInteger();
        try (StubService configServer = new StubService()
                .answer("/actuator/busrefresh", request -> {
                    refreshes.incrementAndGet();
                    return new StubService.Reply(204, "");
                })
                .answer("/actuator/info", request -> info(refreshes.get(), "[]"));
             StubService gateway = new StubService()
                     .answer("/actuator/info", request -> info(refreshes.get(), "[\"config.client.version\",\"burst\"]"))) {

            CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "--bus", "rabbit localhost:5672",
                    "config-server:config-server:" + configServer.port(), "gateway:gateway:" + gateway.port());

            assertThat(run.out()).startsWith("Sent one refresh over the bus (localhost:5672) through config-server;"
                    + " each instance reloads:\n");
            assertThat(run.out()).contains(String.format("  %-18s :%-5d refreshed; nothing changed%n", "config-server", configServer.port()),
                    String.format("  %-18s :%-5d refreshed; changed: config.client.version, burst%n", "gateway", gateway.port()));
            assertThat(run.status()).isZero();
            assertThat(refreshes).hasValue(1);
            assertThat(configServer.received).filteredOn(request -> request.path().equals("/actuator/busrefresh"))
                    .singleElement().satisfies(request -> assertThat(request.authorization()).isEqualTo(INFRA));
        }
    }

    @Test
    void refreshWhenBusAndAnInstanceNeverReloadsThenSaysSoAfterTheTimeout() throws IOException {
        try (StubService configServer = new StubService().answer("/actuator/busrefresh", 200, "")
                .answer("/actuator/info", request -> info(0, "[]"))) {
            Map<String, String> environment = CliRun.environment(home);
            environment.put("MODELPORT_REFRESH_TIMEOUT", "1");

            CliRun run = CliRun.run(environment, "", "refresh", "--bus", "rabbit localhost:5672",
                    "config-server:config-server:" + configServer.port());

            assertThat(run.out()).contains("  config-server      :" + configServer.port()
                    + " no refresh seen within 1 s (on the bus? see bin/platform logs config-server)");
            assertThat(run.status()).isEqualTo(1);
        }
    }

    @Test
    void refreshWhenBusAndInfoRefusesThePasswordThenStopsWithTheCredentialToCheck() throws IOException {
        try (StubService configServer = new StubService().answer("/actuator/info", 401, "")) {
            CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "--bus", "rabbit localhost:5672",
                    "config-server:config-server:" + configServer.port());

            assertThat(run.err()).startsWith("platform: config-server refused the infrastructure user 'modelport':"
                    + " check MODELPORT_INFRA_PASSWORD (from the environment)");
            assertThat(run.status()).isEqualTo(1);
            assertThat(configServer.received).noneMatch(request -> request.path().equals("/actuator/busrefresh"));
        }
    }

    @Test
    void refreshWhenBusButNoConfigServerThenSaysItSendsTheBusRefresh() throws IOException {
        CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "--bus", "rabbit localhost:5672",
                "gateway:gateway:" + StubService.closedPort());

        assertThat(run.err()).isEqualTo("platform: config-server is not running; it sends the bus refresh\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void refreshWhenOnlyTheRegistryRunsThenNothingToRefresh() throws IOException {
        CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "registry:registry:" + StubService.closedPort());

        assertThat(run.err()).isEqualTo("platform: no service is running; start the platform with bin/platform up\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void refreshWhenNoInfrastructurePasswordAnywhereThenSaysWhereItLooked() throws IOException {
        Map<String, String> environment = CliRun.environment(home);
        environment.remove("MODELPORT_INFRA_PASSWORD");

        CliRun run = CliRun.run(environment, "", "refresh", "gateway:gateway:" + StubService.closedPort());

        assertThat(run.err()).isEqualTo("platform: no MODELPORT_INFRA_PASSWORD: set it in the environment, or run bin/platform up"
                + " once (it writes " + home.resolve("credentials") + ")\n");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void refreshWhenInstanceIsNotNameModulePortThenUsageError() {
        CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "gateway:8080");

        assertThat(run.err()).startsWith("platform: an instance is NAME:MODULE:PORT, e.g. gateway:gateway:8080, not 'gateway:8080'\n");
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void refreshWhenBusSettingIsUnknownThenUsageError() {
        CliRun run = CliRun.run(CliRun.environment(home), "", "refresh", "--bus", "kafka", "gateway:gateway:8080");

        assertThat(run.err()).startsWith("platform: --bus is 'off' or 'rabbit HOST:PORT', not 'kafka'");
        assertThat(run.status()).isEqualTo(2);
    }

    @Test
    void refreshWhenTimeoutIsNotANumberThenUsageError() {
        Map<String, String> environment = CliRun.environment(home);
        environment.put("MODELPORT_REFRESH_TIMEOUT", "30s");

        CliRun run = CliRun.run(environment, "", "refresh", "gateway:gateway:8080");

        assertThat(run.err()).startsWith("platform: MODELPORT_REFRESH_TIMEOUT is a number of seconds, not '30s'");
        assertThat(run.status()).isEqualTo(2);
    }

    private static StubService.Reply info(int refreshes, String changedKeys) {
        return new StubService.Reply(200, refreshes == 0 ? "{\"config\":{\"refreshes\":0}}"
                : "{\"app\":{},\"config\":{\"refreshes\":" + refreshes + ",\"lastRefresh\":\"2025-01-01T00:00:00Z\",\"changedKeys\":"
                + changedKeys + "}}");
    }
}
