package dev.modelport.model.inference;

import dev.modelport.model.onnx.Signature;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The engine's front door, free of web types: picks the version (pinned, or by the model's
 * rollout), validates the request against its signature, runs it, measures it, and mirrors
 * it to the shadow version without ever delaying or failing the caller.
 */
@Service
public class InferenceService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InferenceService.class);

    private final DeployedModels deployed;
    private final InferenceObserver observer;
    private final InferenceProperties properties;
    // shadows run one at a time on their own thread; when it falls behind, copies are dropped and counted
    private final ThreadPoolExecutor shadows = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(SHADOW_BACKLOG), Thread.ofPlatform().daemon().name("shadow").factory(),
            new ThreadPoolExecutor.AbortPolicy());

    /** Copies of requests that may wait for the shadow thread before more are dropped. */
    static final int SHADOW_BACKLOG = 64;

    InferenceService(DeployedModels deployed, InferenceObserver observer, InferenceProperties properties) {
        this.deployed = deployed;
        this.observer = observer;
        this.properties = properties;
    }

    /** The signature and number of the version a request would reach, for metadata; empty when not serving here. */
    public Optional<ServingVersion> serving(String model, Integer version) {
        return deployed.route(model)
                .flatMap(route -> version == null ? Optional.of(route.production()) : route.version(version))
                .map(loaded -> new ServingVersion(loaded.key().model(), loaded.key().version(), loaded.signature()));
    }

    /** A version this worker serves, with what it takes and returns. */
    public record ServingVersion(String model, int version, Signature signature) {
    }

    /**
     * How often a request re-reads the route when the version it picked was retired in between: a
     * rollout change swaps the route before it retires what the new one no longer names, so the
     * second read finds the new version (more only covers changes arriving back to back).
     */
    static final int ROUTE_READS = 3;

    public CompletableFuture<InferenceResult> infer(String model, Integer version, InferenceRequest request) {
        for (int read = 1; ; read++) {
            ModelRoute route = deployed.route(model).orElseThrow(() -> deployed.synced() ? notServed(model)
                    : new InferenceException(InferenceException.Reason.NOT_READY, "this worker is still loading models; retry"));
            LoadedVersion target = version == null ? route.pick(request.id())
                    : route.version(version).orElseThrow(() -> new InferenceException(InferenceException.Reason.NOT_FOUND,
                            "version " + version + " of model '" + model + "' is not deployed (production, canary or shadow)"));
            if (!target.acquire()) {
                if (read < ROUTE_READS) {
                    continue;
                }
                throw beingUnloaded(target.key());
            }
            CompletableFuture<InferenceResult> result = runAcquired(target, request);
            if (version == null && route.shadow() != null && route.shadow() != target) {
                result.thenAccept(answer -> mirror(route.shadow(), target.key(), request, answer));
            }
            return result;
        }
    }

    private CompletableFuture<InferenceResult> run(LoadedVersion target, InferenceRequest request) {
        if (!target.acquire()) {
            throw beingUnloaded(target.key());
        }
        return runAcquired(target, request);
    }

    /** Runs {@code request} on {@code target}, whose reference the caller took; released when it ends. */
    private CompletableFuture<InferenceResult> runAcquired(LoadedVersion target, InferenceRequest request) {
        VersionKey key = target.key();
        long started = System.nanoTime();
        try {
            RequestValidator.validate(request, target.signature(), properties.maxElementsPerRequest(), target.batching());
        } catch (InferenceException e) {
            target.release();
            observer.failed(key, e.reason());
            throw e;
        }
        long timeout = properties.requestTimeout().toNanos();
        return target.submit(request.inputs(), request.requestedOutputs(), timeout)
                .orTimeout(timeout, TimeUnit.NANOSECONDS)
                .handle((outputs, failure) -> {
                    target.release();
                    if (failure != null) {
                        InferenceException error = asInferenceException(key, failure);
                        observer.failed(key, error.reason());
                        throw error;
                    }
                    observer.succeeded(key, System.nanoTime() - started);
                    return new InferenceResult(key.model(), key.version(), request.id(), outputs);
                });
    }

    private void mirror(LoadedVersion shadow, VersionKey production, InferenceRequest request, InferenceResult answer) {
        try {
            shadows.execute(() -> {
                try {
                    InferenceResult copy = run(shadow, request).join();
                    ShadowComparison comparison = ShadowComparison.of(answer.outputs(), copy.outputs());
                    observer.shadowCompared(production, shadow.key(), comparison.maxAbsDiff(), comparison.rows(),
                            comparison.argmaxAgreements());
                } catch (RuntimeException e) {
                    log.debug("shadow {} failed on a copy of a request to {}: {}", shadow.key(), production, e.getMessage());
                }
            });
        } catch (RejectedExecutionException behind) {
            if (!shadows.isShutdown()) {
                observer.shadowDropped(production, shadow.key());
            }
        }
    }

    private static InferenceException asInferenceException(VersionKey key, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InferenceException inference) {
            return inference;
        }
        if (cause instanceof TimeoutException) {
            return new InferenceException(InferenceException.Reason.TIMEOUT, "model " + key + " did not answer within the request timeout");
        }
        return new InferenceException(InferenceException.Reason.FAILED, "model " + key + " failed: " + cause.getMessage(), null, cause);
    }

    private static InferenceException beingUnloaded(VersionKey key) {
        return new InferenceException(InferenceException.Reason.NOT_READY, "model " + key + " is being unloaded; retry");
    }

    private static InferenceException notServed(String model) {
        return new InferenceException(InferenceException.Reason.NOT_FOUND,
                "model '" + model + "' is not deployed: it does not exist or has no production version");
    }

    @Override
    public void close() {
        shadows.shutdownNow();
    }
}
