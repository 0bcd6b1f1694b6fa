package dev.modelport.model.inference;

import java.util.function.ToDoubleFunction;

/**
 * What the engine reports as it serves, per model version: how each request ended, how long it
 * queued, each batch it ran, shadow comparisons and requests in flight. The engine owns this port
 * and knows nothing of who measures; {@code dev.modelport.model.metrics} implements it (Micrometer
 * and the console's last hour), so the engine needs neither Micrometer nor the metrics package.
 */
public interface InferenceObserver {

    /** A request answered, {@code nanos} after it arrived. */
    void succeeded(VersionKey key, long nanos);

    void failed(VersionKey key, InferenceException.Reason reason);

    /** A request waited {@code nanos} in the batch queue before its batch ran. */
    void queued(VersionKey key, long nanos);

    /** One run of the model over {@code rows} rows, taking {@code nanos}. */
    void executed(VersionKey key, int rows, long nanos);

    /** A shadow answered the same request as production; {@code rows} compared, with the argmax agreeing in some. */
    void shadowCompared(VersionKey production, VersionKey shadow, double maxAbsDiff, long rows, long argmaxAgreements);

    /** A copy of a request to {@code production} was not sent to its shadow: the shadow thread was behind. */
    void shadowDropped(VersionKey production, VersionKey shadow);

    /** A version's warm-up request failed; it serves anyway and pays the start-up cost on its first call. */
    void warmUpFailed(VersionKey key);

    /**
     * Report {@code pending.applyAsDouble(version)} as the version's requests in flight, for as long as
     * {@code version} lives: the observer may hold it only weakly (Micrometer gauges do), so an unloaded
     * version is not kept in memory by its gauge.
     */
    <T> void pending(VersionKey key, T version, ToDoubleFunction<T> pending);
}
