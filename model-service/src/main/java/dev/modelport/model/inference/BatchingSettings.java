package dev.modelport.model.inference;

import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The batching settings in force, per model. {@link InferenceProperties} is an immutable record,
 * which a config refresh does not rebind, so this binds a new one when {@code modelport.inference.*}
 * changes; loaded versions read it per batch, so max-batch-size, max-queue-delay and
 * queue-capacity apply at once. An invalid change is logged and the settings in force stay.
 */
@Component
public class BatchingSettings {

    static final String PREFIX = "modelport.inference";

    private static final Logger log = LoggerFactory.getLogger(BatchingSettings.class);

    private final Environment environment;
    private final ValidationBindHandler validation;
    private volatile InferenceProperties current;

    BatchingSettings(InferenceProperties initial, Environment environment, Validator validator) {
        this.current = initial;
        this.environment = environment;
        this.validation = new ValidationBindHandler(new SpringValidatorAdapter(validator));
    }

    InferenceProperties.Batching batchingFor(String model) {
        return current.batchingFor(model);
    }

    /** The whole settings in force: defaults and per-model overrides. */
    public InferenceProperties current() {
        return current;
    }

    @EventListener
    void onEnvironmentChange(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().noneMatch(key -> key.startsWith(PREFIX))) {
            return;
        }
        try {
            current = Binder.get(environment).bindOrCreate(PREFIX, Bindable.of(InferenceProperties.class), validation);
            log.info("batching now {} (per model: {})", current.batching(), current.models());
        } catch (RuntimeException e) {
            log.warn("kept the batching settings in force: {}", e.getMessage());
        }
    }
}
