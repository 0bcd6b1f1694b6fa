package dev.modelport.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The config server on a random port, with the infrastructure user's password and no Eureka. A test
 * that needs more properties adds them with {@code @TestPropertySource(properties = ...)}; its git
 * backend comes from a {@link TestGitRepo} and {@code @DynamicPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=" + ConfigServerTest.INFRA_PASSWORD,
        "eureka.client.enabled=false"})
@interface ConfigServerTest {

    String INFRA_PASSWORD = "config-test-secret";

    /** {@code user:password} of the infrastructure user, for Basic authentication. */
    String INFRA_CREDENTIALS = "modelport:" + INFRA_PASSWORD;
}
