package dev.modelport.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No plaintext secret is ever committed to {@code config-repo/}: a key that names a password,
 * secret, token, key or credential holds a {@code {cipher}} value (decrypted by the config
 * server) or an environment placeholder without a default, e.g. {@code ${DB_PASSWORD}}.
 */
class ConfigRepoSecretsTest {

    private static final Path CONFIG_REPO = Path.of("..", "config-repo");

    @Test
    void configRepoWhenScannedThenHoldsNoPlaintextSecret() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONFIG_REPO)) {
            files = walk.filter(PlaintextSecrets::scans).sorted().toList();
        }
        assertThat(files).as("config files under %s", CONFIG_REPO.toAbsolutePath().normalize())
                .extracting(file -> file.getFileName().toString()).contains("application.yml", "gateway.yml");
        for (Path file : files) {
            assertThat(PlaintextSecrets.in(file.getFileName().toString(), Files.readString(file)))
                    .as("plaintext secrets in %s: encrypt them with bin/platform encrypt", file).isEmpty();
        }
    }

    @Test
    void scanWhenLiteralPasswordOrTokenThenReported() {
        String yaml = """
                spring:
                  datasource:
                    password: hunter2
                  rabbitmq:
                    password: '${RABBIT_PASSWORD:guest}'
                modelport:
                  auth:
                    clients:
                      - name: ci
                        client-secret: 12345
                    apiKey: abc
                  gateway:
                    upstream-token: "eyJhbGciOi"
                """;
        assertThat(PlaintextSecrets.in("bad.yml", yaml)).containsExactly(
                "spring.datasource.password", "spring.rabbitmq.password",
                "modelport.auth.clients[0].client-secret", "modelport.auth.apiKey", "modelport.gateway.upstream-token");
        assertThat(PlaintextSecrets.in("bad.properties", "spring.mail.password=letmein\nserver.port=8080\n"))
                .containsExactly("spring.mail.password");
    }

    @Test
    void scanWhenCipherPlaceholderOrNotASecretThenClean() {
        String yaml = """
                spring:
                  datasource:
                    password: '{cipher}7b3a8f2e1d4c6b9a0e5f2c8d3a6b1e4f'
                    username: modelport
                  rabbitmq:
                    password: ${RABBIT_PASSWORD}
                modelport:
                  auth:
                    access-token-ttl: 15m
                    key-rotation-interval: 30d
                    client-secret: ''
                  gateway:
                    security:
                      jwks-refresh-interval: 10s
                logging:
                  level:
                    org.springframework.security.oauth2.server.authorization.token: DEBUG
                """;
        assertThat(PlaintextSecrets.in("good.yml", yaml)).isEmpty();
    }
}
