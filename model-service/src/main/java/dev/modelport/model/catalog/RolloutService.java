package dev.modelport.model.catalog;

import dev.modelport.model.events.RegistryEvents;
import dev.modelport.model.onnx.Signature;
import dev.modelport.support.audit.AuditLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which versions of a model serve. A change is checked (the versions exist, canary and
 * shadow can take production's requests) and applied in one transaction with its audit
 * record; workers switch when the change notification reaches them. Rollback is setting
 * production back to the previous version.
 */
@Service
public class RolloutService {

    private final ModelRepository models;
    private final VersionRepository versions;
    private final RolloutRepository rollouts;
    private final AuditLog audit;
    private final RegistryEvents events;
    private final Clock clock;

    RolloutService(ModelRepository models, VersionRepository versions, RolloutRepository rollouts, AuditLog audit,
                   RegistryEvents events, Clock clock) {
        this.models = models;
        this.versions = versions;
        this.rollouts = rollouts;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Rollout get(String modelName) {
        ModelRepository.Row model = models.find(modelName).orElseThrow(() -> NotFoundException.model(modelName));
        return rollouts.find(model.id()).orElse(Rollout.none());
    }

    /** Every model with a production version, with the versions its rollout names: what workers load. */
    @Transactional(readOnly = true)
    public List<Deployment> deployments() {
        List<Deployment> deployments = new ArrayList<>();
        for (ModelRepository.Row model : models.findAll()) {
            Rollout rollout = rollouts.find(model.id()).orElse(Rollout.none());
            if (!rollout.serving()) {
                continue;
            }
            List<ModelVersion> serving = new ArrayList<>();
            for (Integer number : new Integer[] {rollout.production(), rollout.canary(), rollout.shadow()}) {
                if (number != null) {
                    versions.find(model.id(), number).ifPresent(serving::add);
                }
            }
            deployments.add(new Deployment(model.model().name(), rollout, serving));
        }
        return deployments;
    }

    @Transactional
    public Rollout change(String modelName, RolloutChange change, String actor) {
        ModelRepository.Row model = models.lock(modelName).orElseThrow(() -> NotFoundException.model(modelName));
        requireConsistent(change);
        Signature production = existing(model, modelName, change.production(), "production").signature();
        if (change.canary() != null) {
            requireCompatible(production, existing(model, modelName, change.canary(), "canary").signature(), "canary");
        }
        if (change.shadow() != null) {
            requireCompatible(production, existing(model, modelName, change.shadow(), "shadow").signature(), "shadow");
        }
        Rollout before = rollouts.find(model.id()).orElse(Rollout.none());
        Rollout after = new Rollout(change.production(), change.canary(),
                change.canary() == null ? 0 : change.canaryPercent(), change.shadow(), actor, clock.instant());
        rollouts.save(model.id(), after);
        Map<String, Object> details = new HashMap<>();
        details.put("before", describe(before));
        details.put("after", describe(after));
        audit.record(actor, "rollout.changed", modelName, modelName, details);
        events.changed(modelName, "rollout-changed");
        return after;
    }

    /**
     * Takes the model out of service: no version serves, workers unload it, and the model can be
     * deleted. Clearing a rollout that serves nothing changes nothing and records nothing.
     */
    @Transactional
    public Rollout clear(String modelName, String actor) {
        ModelRepository.Row model = models.lock(modelName).orElseThrow(() -> NotFoundException.model(modelName));
        Rollout before = rollouts.find(model.id()).orElse(Rollout.none());
        if (!before.serving()) {
            return Rollout.none();
        }
        rollouts.delete(model.id());
        audit.record(actor, "rollout.cleared", modelName, modelName, Map.of("before", describe(before)));
        events.changed(modelName, "rollout-cleared");
        return Rollout.none();
    }

    private static void requireConsistent(RolloutChange change) {
        if (change.canary() == null && change.canaryPercent() != null && change.canaryPercent() != 0) {
            throw new InvalidRequestException("canaryPercent needs a canary version");
        }
        if (change.canary() != null) {
            if (change.canaryPercent() == null) {
                throw new InvalidRequestException("canary needs canaryPercent (0-100)");
            }
            if (change.canary() == change.production()) {
                throw new InvalidRequestException("canary must be a different version than production");
            }
        }
        if (change.canaryPercent() != null && (change.canaryPercent() < 0 || change.canaryPercent() > 100)) {
            throw new InvalidRequestException("canaryPercent must be between 0 and 100, not " + change.canaryPercent());
        }
        if (change.shadow() != null && change.shadow() == change.production()) {
            throw new InvalidRequestException("shadow must be a different version than production");
        }
    }

    private ModelVersion existing(ModelRepository.Row model, String modelName, int version, String role) {
        return versions.find(model.id(), version).orElseThrow(() -> new InvalidRequestException(
                role + " version " + version + " of '" + modelName + "' does not exist"));
    }

    private static void requireCompatible(Signature production, Signature candidate, String role) {
        production.inputIncompatibility(candidate).ifPresent(reason -> {
            throw new InvalidRequestException(role + " cannot take production's requests: " + reason);
        });
    }

    private static Map<String, Object> describe(Rollout rollout) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("production", rollout.production());
        fields.put("canary", rollout.canary());
        fields.put("canaryPercent", rollout.canaryPercent());
        fields.put("shadow", rollout.shadow());
        return fields;
    }
}
