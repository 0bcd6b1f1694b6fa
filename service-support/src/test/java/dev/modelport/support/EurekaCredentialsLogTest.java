package dev.modelport.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.discovery.EurekaClient;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registry URL every service uses carries the infrastructure password ({@code user:password@host}).
 * With the registry down, the Eureka client's first fetch fails; what it logs then must not name it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EurekaCredentialsLogTest {

    private static final String PASSWORD = "eureka-leak-check-7f3a9c";

    @Test
    void startWhenRegistryUnreachableThenFailureLoggedWithoutInfraPassword(CapturedOutput output) throws IOException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EurekaClientOnly.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.config.import=classpath:modelport-platform.yml",
                        "spring.application.name=leak-check",
                        "MODELPORT_INFRA_PASSWORD=" + PASSWORD,
                        "EUREKA_PORT=" + closedPort(),
                        "eureka.client.register-with-eureka=false",
                        "eureka.client.fetch-registry=true")
                .run()) {
            context.getBean(EurekaClient.class);
        }
        assertThat(output.getAll())
                .as("the client did try the registry and said so")
                .contains("Cannot execute request on any known server")
                .doesNotContain(PASSWORD);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Only the Eureka client: no web server, database or bus. */
    @SpringBootConfiguration
    @ImportAutoConfiguration({UtilAutoConfiguration.class, DiscoveryClientOptionalArgsConfiguration.class,
            EurekaClientAutoConfiguration.class})
    static class EurekaClientOnly {
    }
}
