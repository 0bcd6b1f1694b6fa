package dev.modelport.model.inference;

import java.time.Duration;

/** An inference that did not produce outputs, with the reason that decides its status code. */
public class InferenceException extends RuntimeException {

    /** Why: each maps to one HTTP status and one failure metric reason. */
    public enum Reason {
        /** The request does not fit the model or the protocol (400). */
        INVALID_INPUT,
        /** No such model, or no such version deployed (404). */
        NOT_FOUND,
        /** The model is not loaded on this worker yet (503). */
        NOT_READY,
        /** The version's queue is full: try again shortly (503 with Retry-After). */
        OVERLOADED,
        /** The request waited or ran longer than its timeout (504). */
        TIMEOUT,
        /** ONNX Runtime failed on a valid request (500). */
        FAILED
    }

    private final Reason reason;
    private final Duration retryAfter;

    public InferenceException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public InferenceException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public static InferenceException invalid(String message) {
        return new InferenceException(Reason.INVALID_INPUT, message);
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#OVERLOADED}: how long the caller should wait before retrying; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
