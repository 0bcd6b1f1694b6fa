package dev.modelport.model.catalog;

import dev.modelport.model.events.RegistryEvents;
import dev.modelport.model.onnx.InspectedModel;
import dev.modelport.model.onnx.ModelValidator;
import dev.modelport.model.storage.BlobStore;
import dev.modelport.support.audit.AuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploading, listing and deleting model versions. An upload is checked (structure, then a
 * guarded ONNX Runtime load) before anything is written; the bytes, the version row, its
 * audit record and the change notification then commit together or not at all.
 */
@Service
public class VersionCatalog {

    /** An uploaded file spooled to local disk, with the digest and size taken while it streamed in. */
    public record Upload(Path file, String sha256, long sizeBytes, String description) {
    }

    private final ModelRepository models;
    private final VersionRepository versions;
    private final RolloutRepository rollouts;
    private final BlobStore blobs;
    private final ModelValidator validator;
    private final AuditLog audit;
    private final RegistryEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    VersionCatalog(ModelRepository models, VersionRepository versions, RolloutRepository rollouts, BlobStore blobs,
                   ModelValidator validator, AuditLog audit, RegistryEvents events, TransactionTemplate transaction,
                   Clock clock) {
        this.models = models;
        this.versions = versions;
        this.rollouts = rollouts;
        this.blobs = blobs;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Adds a version to {@code modelName}, creating the model on its first upload. */
    public ModelVersion upload(String modelName, Upload upload, String actor) {
        ModelNames.requireValid(modelName);
        // slow and untrusted work first, outside any transaction: nothing is written for a bad file
        InspectedModel inspected = validator.validate(upload.file());
        return transaction.execute(status -> {
            Instant now = clock.instant();
            boolean modelCreated = models.insertIfAbsent(new Model(modelName, "", List.of(), actor, now, now)).isPresent();
            ModelRepository.Row model = models.lock(modelName).orElseThrow(() -> NotFoundException.model(modelName));
            boolean newBytes = blobs.storeIfAbsent(upload.sha256(), upload.file());
            ModelVersion version = new ModelVersion(modelName, versions.nextVersion(model.id()), upload.sha256(),
                    upload.sizeBytes(), actor, now, upload.description() == null ? "" : upload.description(),
                    inspected.metadata(), inspected.signature());
            versions.insert(model.id(), version);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", version.version());
            details.put("sha256", version.sha256());
            details.put("sizeBytes", version.sizeBytes());
            details.put("storedNewBytes", newBytes);
            details.put("modelCreated", modelCreated);
            audit.record(actor, "version.uploaded", modelName + "/" + version.version(), modelName, details);
            events.changed(modelName, "version-uploaded");
            return version;
        });
    }

    public List<ModelVersion> list(String modelName) {
        return transaction.execute(status -> versions.findAll(
                models.find(modelName).orElseThrow(() -> NotFoundException.model(modelName)).id()));
    }

    public ModelVersion get(String modelName, int version) {
        return transaction.execute(status -> {
            ModelRepository.Row model = models.find(modelName).orElseThrow(() -> NotFoundException.model(modelName));
            return versions.find(model.id(), version).orElseThrow(() -> NotFoundException.version(modelName, version));
        });
    }

    /** Deletes a version; refused while the rollout uses it. Its bytes go when nothing else uses them. */
    public void delete(String modelName, int version, String actor) {
        transaction.executeWithoutResult(status -> {
            ModelRepository.Row model = models.lock(modelName).orElseThrow(() -> NotFoundException.model(modelName));
            ModelVersion existing = versions.find(model.id(), version)
                    .orElseThrow(() -> NotFoundException.version(modelName, version));
            Rollout rollout = rollouts.find(model.id()).orElse(Rollout.none());
            if (rollout.involves(version)) {
                throw new ConflictException("version " + version + " of '" + modelName
                        + "' is in the rollout (production, canary or shadow); roll it out of traffic first");
            }
            versions.delete(model.id(), version);
            blobs.deleteIfUnreferenced(existing.sha256());
            audit.record(actor, "version.deleted", modelName + "/" + version, modelName,
                    Map.of("version", version, "sha256", existing.sha256()));
            events.changed(modelName, "version-deleted");
        });
    }
}
