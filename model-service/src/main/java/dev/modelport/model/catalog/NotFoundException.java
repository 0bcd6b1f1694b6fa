package dev.modelport.model.catalog;

/** The named model or version does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    static NotFoundException model(String name) {
        return new NotFoundException("model '" + name + "' does not exist");
    }

    static NotFoundException version(String name, int version) {
        return new NotFoundException("model '" + name + "' has no version " + version);
    }
}
