package dev.modelport.model.catalog;

/** The request clashes with the registry's state, e.g. deleting a version that serves traffic (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
