package dev.modelport.model.inference;

import dev.modelport.support.refresh.LiveProperties;
import jakarta.validation.Validator;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The batching settings in force, per model. A config refresh of {@code modelport.inference.*}
 * binds new ones; loaded versions read them per batch, so max-batch-size, max-queue-delay and
 * queue-capacity apply at once. An invalid change is logged and the settings in force stay.
 */
@Component
public class BatchingSettings {

    static final String PREFIX = "modelport.inference";

    private final LiveProperties<InferenceProperties> settings;

    BatchingSettings(InferenceProperties initial, Environment environment, Validator validator) {
        this.settings = new LiveProperties<>(PREFIX, InferenceProperties.class, "batching settings", initial,
                environment, validator);
    }

    InferenceProperties.Batching batchingFor(String model) {
        return current().batchingFor(model);
    }

    /** The whole settings in force: defaults and per-model overrides. */
    public InferenceProperties current() {
        return settings.current();
    }

    @EventListener
    void onEnvironmentChange(EnvironmentChangeEvent event) {
        settings.refresh(event.getKeys());
    }
}
