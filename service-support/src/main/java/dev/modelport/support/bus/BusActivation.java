package dev.modelport.support.bus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Spring Cloud Bus over RabbitMQ only where RabbitMQ is configured: {@code MODELPORT_BUS=rabbit},
 * or {@code spring.rabbitmq.host}/{@code addresses} set (compose, Kubernetes). Otherwise the bus
 * is off and RabbitMQ's health is not checked, so a machine without RabbitMQ starts healthy.
 * An explicit {@code spring.cloud.bus.enabled} wins; {@code MODELPORT_BUS=off} turns it off.
 *
 * <p>Runs after the config files are read (so they may configure RabbitMQ too) and before
 * Spring Cloud Bus's own post-processor, which declares the bus bindings unless the bus is off.
 */
public class BusActivation implements EnvironmentPostProcessor, Ordered {

    static final String MODE = "modelport.bus";
    static final String BUS_ENABLED = "spring.cloud.bus.enabled";
    static final String PROPERTY_SOURCE = "modelportBusActivation";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean on = environment.containsProperty(BUS_ENABLED)
                ? environment.getProperty(BUS_ENABLED, Boolean.class, true)
                : requested(environment);
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put(BUS_ENABLED, on);
        defaults.put("management.health.rabbit.enabled", on);
        defaults.put("management.health.binders.enabled", on);
        // the bus names its one function (busConsumer); no other bean should become a binding
        defaults.put("spring.cloud.stream.function.autodetect", false);
        environment.getPropertySources().remove(PROPERTY_SOURCE);
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }

    static boolean requested(ConfigurableEnvironment environment) {
        String mode = environment.getProperty(MODE, "").trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "rabbit" -> true;
            case "off", "none", "false" -> false;
            case "" -> StringUtils.hasText(environment.getProperty("spring.rabbitmq.host"))
                    || StringUtils.hasText(environment.getProperty("spring.rabbitmq.addresses"));
            default -> throw new IllegalStateException(
                    "MODELPORT_BUS must be 'rabbit' or 'off' (or unset), not '" + environment.getProperty(MODE) + "'");
        };
    }
}
