package dev.modelport.auth.clients;

/** A change asks for more than the caller holds; the message names the part (scopes, models, tier). */
public class ReachExceededException extends RuntimeException {

    public ReachExceededException(String field, String problem) {
        super(field + ": " + problem);
    }
}
