package dev.modelport.model.catalog;

import dev.modelport.model.onnx.Signature;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What the V2 model metadata endpoints (REST and gRPC) describe: a model's versions and the signature of the
 * version a caller would reach, the production one (or the latest, for a model not rolled out yet) unless a
 * version is named.
 */
@Service
public class ModelMetadataService {

    /** The V2 platform name of every model served here. */
    public static final String PLATFORM = "onnxruntime_onnx";

    private final VersionCatalog versions;
    private final RolloutService rollouts;

    ModelMetadataService(VersionCatalog versions, RolloutService rollouts) {
        this.versions = versions;
        this.rollouts = rollouts;
    }

    /** The production version's signature (the latest's before a rollout), listing every version. */
    public Metadata describe(String model) {
        List<ModelVersion> all = versions.list(model);
        if (all.isEmpty()) {
            throw new NotFoundException("model '" + model + "' has no versions");
        }
        Integer production = rollouts.get(model).production();
        ModelVersion shown = production == null ? all.getLast() : versions.get(model, production);
        return new Metadata(model, all.stream().map(version -> String.valueOf(version.version())).toList(),
                shown.signature());
    }

    /** One version's signature. */
    public Metadata describe(String model, int version) {
        return new Metadata(model, List.of(String.valueOf(version)), versions.get(model, version).signature());
    }

    /** A model's name, the versions listed, and the signature described. */
    public record Metadata(String name, List<String> versions, Signature signature) {
    }
}
