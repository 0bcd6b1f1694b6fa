package dev.modelport.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class KeyPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void startWhenEncryptionSecretBlankThenFailsNamingTheVariable() {
        context.withPropertyValues("modelport.auth.key-encryption-secret=").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).hasStackTraceContaining("set MODELPORT_KEY_ENCRYPTION_SECRET");
        });
    }

    @Test
    void startWhenEncryptionSecretSetThenThirtyDayRotationByDefault() {
        context.withPropertyValues("modelport.auth.key-encryption-secret=s3cret").run(started -> {
            assertThat(started).hasNotFailed();
            KeyProperties properties = started.getBean(KeyProperties.class);
            assertThat(properties.keyRotationInterval()).isEqualTo(Duration.ofDays(30));
            assertThat(properties.toString()).doesNotContain("s3cret");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(KeyProperties.class)
    static class Properties {
    }
}
