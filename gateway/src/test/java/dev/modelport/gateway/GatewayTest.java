package dev.modelport.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway on a random port, standalone: the infrastructure user's password, no Eureka and no
 * config server. A test adds its own properties with {@code @TestPropertySource(properties = ...)}
 * and its backends with {@code @DynamicPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "MODELPORT_INFRA_PASSWORD=" + GatewayTest.INFRA_PASSWORD,
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false"})
@interface GatewayTest {

    String INFRA_PASSWORD = "gateway-test-secret";

    /** {@code user:password} of the infrastructure user, for Basic authentication. */
    String INFRA_CREDENTIALS = "modelport:" + INFRA_PASSWORD;
}
