package dev.modelport.model.web;

import dev.modelport.model.catalog.ConflictException;
import dev.modelport.model.catalog.InvalidRequestException;
import dev.modelport.model.catalog.NotFoundException;
import dev.modelport.model.inference.InferenceException;
import dev.modelport.model.onnx.InvalidModelException;
import dev.modelport.model.protocol.ProtocolException;
import dev.modelport.support.web.ApiErrorAdvice;
import jakarta.servlet.MultipartConfigElement;
import java.util.Map;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every failure leaves model-service as {@code {"error": "..."}} (the V2 protocol's shape) with its
 * status: the catalog's, the engine's and uploads' here, the framework's in {@link ApiErrorAdvice}.
 */
@RestControllerAdvice
class ApiErrors extends ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** The upload limit in bytes (the smaller of file and request size), or -1 when there is none. */
    private final long uploadLimit;

    ApiErrors(ObjectProvider<MultipartConfigElement> multipart) {
        super("model-service");
        MultipartConfigElement config = multipart.getIfAvailable();
        this.uploadLimit = config == null ? -1
                : LongStream.of(config.getMaxFileSize(), config.getMaxRequestSize()).filter(size -> size > 0).min().orElse(-1);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, String>> conflict(ConflictException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({InvalidRequestException.class, InvalidModelException.class})
    ResponseEntity<Map<String, String>> invalid(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(InferenceException.class)
    ResponseEntity<Map<String, String>> inference(InferenceException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_READY, OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
        if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
            log.error("inference failed", e);
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(ProtocolException.class)
    ResponseEntity<Map<String, String>> protocol(ProtocolException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        // the servlet multipart support reports the limit as -1 (unknown), so the configured one is named
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : uploadLimit;
        return error(HttpStatus.CONTENT_TOO_LARGE, "the model file is larger than the upload limit"
                + (limit > 0 ? " of " + describeSize(limit) : ""));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "multipart part '" + e.getRequestPartName() + "' is required");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> multipart(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "expected a multipart/form-data upload with an .onnx file in part 'file'");
    }

    private static String describeSize(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

}
