package dev.modelport.model.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelport.model.inference.InferenceException;
import dev.modelport.model.inference.InferenceException.Reason;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** gRPC callers get what REST callers get: a full queue is RESOURCE_EXHAUSTED with Retry-After, a late request DEADLINE_EXCEEDED. */
class GrpcStatusesTest {

    @Test
    void ofWhenQueueFullThenResourceExhaustedWithRestsTextAndRetryAfter() {
        StatusRuntimeException status = GrpcStatuses.of(new CompletionException(new InferenceException(Reason.OVERLOADED,
                "model iris:1 has 256 requests waiting; retry shortly", Duration.ofSeconds(1), null)));

        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(status.getStatus().getDescription()).isEqualTo("model iris:1 has 256 requests waiting; retry shortly");
        assertThat(status.getTrailers().get(GrpcStatuses.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void ofWhenPastDeadlineOrNotReadyThenDeadlineExceededOrUnavailable() {
        assertThat(GrpcStatuses.of(new InferenceException(Reason.TIMEOUT, "model iris:1 was busy for the whole request timeout"))
                .getStatus()).satisfies(status -> {
                    assertThat(status.getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
                    assertThat(status.getDescription()).isEqualTo("model iris:1 was busy for the whole request timeout");
                });
        assertThat(GrpcStatuses.of(new InferenceException(Reason.NOT_READY, "model iris is not ready")).getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE);
    }
}
