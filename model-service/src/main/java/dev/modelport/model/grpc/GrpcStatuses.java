package dev.modelport.model.grpc;

import dev.modelport.model.catalog.NotFoundException;
import dev.modelport.model.inference.InferenceException;
import dev.modelport.model.protocol.ProtocolException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Failures as gRPC statuses, with the messages REST puts in its {@code {"error": ...}} bodies: what REST answers
 * with 400 is INVALID_ARGUMENT, 403 PERMISSION_DENIED, 404 NOT_FOUND, 503 UNAVAILABLE (not ready) or
 * RESOURCE_EXHAUSTED (a full queue, with a retry-after trailer), 504 DEADLINE_EXCEEDED and 500 INTERNAL.
 */
final class GrpcStatuses {

    /** For an overloaded model, like REST's Retry-After header: whole seconds to wait before retrying. */
    static final Metadata.Key<String> RETRY_AFTER = Metadata.Key.of("retry-after", Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger log = LoggerFactory.getLogger(GrpcStatuses.class);

    private GrpcStatuses() {
    }

    static StatusRuntimeException of(Throwable failure) {
        Throwable cause = unwrap(failure);
        return switch (cause) {
            case StatusRuntimeException status -> status;
            case ProtocolException e -> Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
            case InferenceException e -> inference(e);
            case NotFoundException e -> Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException();
            case AccessDeniedException e -> Status.PERMISSION_DENIED.withDescription(e.getMessage()).asRuntimeException();
            default -> {
                log.error("unexpected error in a gRPC call", cause);
                yield Status.INTERNAL.withDescription("internal error; see the model-service log").asRuntimeException();
            }
        };
    }

    private static StatusRuntimeException inference(InferenceException e) {
        Status status = switch (e.reason()) {
            case INVALID_INPUT -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case NOT_READY -> Status.UNAVAILABLE;
            // a full queue: the client may retry after the Retry-After trailer, as with REST's 503
            case OVERLOADED -> Status.RESOURCE_EXHAUSTED;
            case TIMEOUT -> Status.DEADLINE_EXCEEDED;
            case FAILED -> Status.INTERNAL;
        };
        if (status == Status.INTERNAL) {
            log.error("inference failed", e);
        }
        Metadata trailers = new Metadata();
        if (e.retryAfter() != null) {
            trailers.put(RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return status.withDescription(e.getMessage()).asRuntimeException(trailers);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
