package dev.modelport.model.catalog;

/** The request itself is wrong: a bad name, an impossible rollout (400). */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
