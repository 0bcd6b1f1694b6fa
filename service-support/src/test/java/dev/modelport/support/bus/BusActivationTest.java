package dev.modelport.support.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class BusActivationTest {

    private final BusActivation activation = new BusActivation();

    @Test
    void environmentWhenNothingConfiguredThenBusAndRabbitHealthOff() {
        MockEnvironment environment = activate(new MockEnvironment());
        assertThat(environment.getProperty("spring.cloud.bus.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.health.rabbit.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.health.binders.enabled")).isEqualTo("false");
    }

    @Test
    void environmentWhenModelportBusRabbitThenBusAndRabbitHealthOn() {
        MockEnvironment environment = activate(new MockEnvironment().withProperty("modelport.bus", "rabbit"));
        assertThat(environment.getProperty("spring.cloud.bus.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.health.rabbit.enabled")).isEqualTo("true");
    }

    @Test
    void environmentWhenRabbitHostOrAddressesSetThenBusOn() {
        assertThat(activate(new MockEnvironment().withProperty("spring.rabbitmq.host", "rabbitmq"))
                .getProperty("spring.cloud.bus.enabled")).isEqualTo("true");
        assertThat(activate(new MockEnvironment().withProperty("spring.rabbitmq.addresses", "amqp://mq:5672"))
                .getProperty("spring.cloud.bus.enabled")).isEqualTo("true");
    }

    @Test
    void environmentWhenBusOffDespiteRabbitHostThenOff() {
        MockEnvironment environment = activate(new MockEnvironment()
                .withProperty("spring.rabbitmq.host", "rabbitmq").withProperty("modelport.bus", "off"));
        assertThat(environment.getProperty("spring.cloud.bus.enabled")).isEqualTo("false");
    }

    @Test
    void environmentWhenBusEnabledSetExplicitlyThenItWinsAndHealthFollows() {
        MockEnvironment environment = activate(new MockEnvironment()
                .withProperty("modelport.bus", "rabbit").withProperty("spring.cloud.bus.enabled", "false"));
        assertThat(environment.getProperty("spring.cloud.bus.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.health.rabbit.enabled")).isEqualTo("false");
    }

    @Test
    void environmentWhenUnknownModeThenStartFailsNamingIt() {
        assertThatThrownBy(() -> activate(new MockEnvironment().withProperty("modelport.bus", "kafka")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MODELPORT_BUS").hasMessageContaining("'kafka'");
    }

    @Test
    void orderWhenComparedThenAfterConfigFilesAndBeforeTheBusDefaults() {
        assertThat(activation.getOrder()).isGreaterThan(org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor.ORDER)
                .isLessThan(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
    }

    private MockEnvironment activate(MockEnvironment environment) {
        activation.postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
