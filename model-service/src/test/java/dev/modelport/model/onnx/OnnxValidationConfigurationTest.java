package dev.modelport.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class OnnxValidationConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(OnnxValidationConfiguration.class, ModelValidator.class);

    @Test
    void contextWhenNoPropertiesThenDefaultsAndValidatorBean() {
        context.run(started -> {
            assertThat(started).hasSingleBean(ModelValidator.class);
            assertThat(started.getBean(ValidationProperties.class))
                    .isEqualTo(new ValidationProperties(Duration.ofSeconds(60), DataSize.ofGigabytes(4)));
        });
    }

    @Test
    void contextWhenPropertiesSetThenBound() {
        context.withPropertyValues("modelport.validation.timeout=90s", "modelport.validation.max-memory=2GB")
                .run(started -> assertThat(started.getBean(ValidationProperties.class))
                        .isEqualTo(new ValidationProperties(Duration.ofSeconds(90), DataSize.ofGigabytes(2))));
    }

    @Test
    void contextWhenMaxMemoryTooSmallForTheChildJvmThenFailsToStart() {
        context.withPropertyValues("modelport.validation.max-memory=256MB")
                .run(started -> assertThat(started).hasFailed());
    }
}
