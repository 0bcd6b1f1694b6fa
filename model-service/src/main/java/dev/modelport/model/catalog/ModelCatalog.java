package dev.modelport.model.catalog;

import dev.modelport.model.events.RegistryEvents;
import dev.modelport.model.storage.BlobStore;
import dev.modelport.support.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, describing, listing and deleting models. Versions and rollout have their own services. */
@Service
public class ModelCatalog {

    private final ModelRepository models;
    private final VersionRepository versions;
    private final RolloutRepository rollouts;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final RegistryEvents events;
    private final Clock clock;

    ModelCatalog(ModelRepository models, VersionRepository versions, RolloutRepository rollouts, BlobStore blobs,
                 AuditLog audit, RegistryEvents events, Clock clock) {
        this.models = models;
        this.versions = versions;
        this.rollouts = rollouts;
        this.blobs = blobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Model create(String name, String description, List<String> tags, String actor) {
        ModelNames.requireValid(name);
        Instant now = clock.instant();
        Model model = new Model(name, description == null ? "" : description, tags == null ? List.of() : tags, actor,
                now, now);
        if (models.insertIfAbsent(model).isEmpty()) {
            throw new ConflictException("model '" + name + "' already exists");
        }
        audit.record(actor, "model.created", name, name, Map.of("description", model.description(), "tags", model.tags()));
        events.changed(name, "model-created");
        return model;
    }

    @Transactional(readOnly = true)
    public ModelSummary get(String name) {
        return summarise(models.find(name).orElseThrow(() -> NotFoundException.model(name)));
    }

    @Transactional(readOnly = true)
    public List<ModelSummary> list(Predicate<String> visible) {
        return models.findAll().stream().filter(row -> visible.test(row.model().name())).map(this::summarise).toList();
    }

    /** Changes description and/or tags; a null argument leaves that field as it is. */
    @Transactional
    public Model update(String name, String description, List<String> tags, String actor) {
        ModelRepository.Row row = models.lock(name).orElseThrow(() -> NotFoundException.model(name));
        Model before = row.model();
        Model after = new Model(name, description == null ? before.description() : description,
                tags == null ? before.tags() : tags, before.owner(), before.createdAt(), clock.instant());
        models.update(row.id(), after.description(), after.tags(), after.updatedAt());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", Map.of("description", before.description(), "tags", before.tags()));
        details.put("after", Map.of("description", after.description(), "tags", after.tags()));
        audit.record(actor, "model.updated", name, name, details);
        events.changed(name, "model-updated");
        return after;
    }

    /** Deletes a model with all its versions; refused while it serves traffic. */
    @Transactional
    public void delete(String name, String actor) {
        ModelRepository.Row row = models.lock(name).orElseThrow(() -> NotFoundException.model(name));
        Rollout rollout = rollouts.find(row.id()).orElse(Rollout.none());
        if (rollout.serving()) {
            throw new ConflictException("model '" + name + "' serves traffic (production version "
                    + rollout.production() + "); take it out of service first (DELETE /api/models/" + name + "/rollout)");
        }
        List<String> shas = versions.shasOf(row.id());
        int versionCount = versions.countAndLatest(row.id())[0];
        models.delete(row.id());
        shas.forEach(blobs::deleteIfUnreferenced);
        audit.record(actor, "model.deleted", name, name, Map.of("versions", versionCount));
        events.changed(name, "model-deleted");
    }

    private ModelSummary summarise(ModelRepository.Row row) {
        int[] countAndLatest = versions.countAndLatest(row.id());
        return new ModelSummary(row.model(), rollouts.find(row.id()).orElse(Rollout.none()), countAndLatest[0],
                countAndLatest[0] == 0 ? null : countAndLatest[1]);
    }
}
