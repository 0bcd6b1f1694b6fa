package dev.modelport.model.inference;

/** One version of one model: the unit that is loaded, queued, measured. */
public record VersionKey(String model, int version) {

    @Override
    public String toString() {
        return model + ":" + version;
    }
}
