package dev.modelport.model.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole model-service, standalone: the infrastructure user's password, no Eureka and no config
 * server; on a random port unless {@link #webEnvironment()} says otherwise. A test adds its own
 * properties with {@code @TestPropertySource(properties = ...)} and its database with
 * {@code @DynamicPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {
        "MODELPORT_INFRA_PASSWORD=" + ModelServiceTest.INFRA_PASSWORD,
        "eureka.client.enabled=false",
        "spring.cloud.config.enabled=false"})
public @interface ModelServiceTest {

    String INFRA_PASSWORD = "model-test-secret";

    /** {@code user:password} of the infrastructure user, for Basic authentication. */
    String INFRA_CREDENTIALS = "modelport:" + INFRA_PASSWORD;

    @AliasFor(annotation = SpringBootTest.class)
    WebEnvironment webEnvironment() default WebEnvironment.RANDOM_PORT;
}
