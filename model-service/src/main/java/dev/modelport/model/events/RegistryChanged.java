package dev.modelport.model.events;

/**
 * Something about {@code model} changed in the registry (on this instance or another one):
 * {@code change} is what happened, e.g. {@code version-uploaded}, {@code rollout-changed}.
 * A {@code reconcile} change with a null model means "check everything".
 */
public record RegistryChanged(String model, String change) {

    public static final String RECONCILE = "reconcile";
}
