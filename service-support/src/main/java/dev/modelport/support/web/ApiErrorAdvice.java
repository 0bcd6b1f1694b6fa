package dev.modelport.support.web;

import dev.modelport.support.security.SecurityLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The framework's failures as {@code {"error": "..."}}: invalid bodies and parameters, unknown
 * routes, wrong methods and content types, refusals (with the security log line) and the
 * unexpected. A service's advice extends it (annotated {@code @RestControllerAdvice}) and adds
 * its own exceptions through {@link #error}.
 */
public abstract class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    /** What a 503 for an unavailable database tells the caller to wait. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    private final String service;

    /** @param service named in the answer to an unexpected failure ("see the {service} log") */
    protected ApiErrorAdvice(String service) {
        this.service = service;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    protected ResponseEntity<Map<String, String>> invalidBody(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(field -> field.getField() + ": " + field.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, message.isEmpty() ? "invalid request body" : message);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    protected ResponseEntity<Map<String, String>> invalidParameter(HandlerMethodValidationException e) {
        String message = e.getAllErrors().stream().map(error -> error.getDefaultMessage()).collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    protected ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "request body is not valid JSON for this endpoint");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ResponseEntity<Map<String, String>> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> required = e.getRequiredType();
        String expected = required != null && Number.class.isAssignableFrom(wrap(required)) ? "a number"
                : required == null ? "something else" : "a " + required.getSimpleName();
        return error(HttpStatus.BAD_REQUEST, "'" + e.getName() + "' must be " + expected + ", not '" + e.getValue() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    protected ResponseEntity<Map<String, String>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "parameter '" + e.getParameterName() + "' is required");
    }

    @ExceptionHandler(AccessDeniedException.class)
    protected ResponseEntity<Map<String, String>> denied(AccessDeniedException e, HttpServletRequest request) {
        refused(request, HttpStatus.FORBIDDEN, e.getMessage());
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    protected ResponseEntity<Map<String, String>> noRoute(NoResourceFoundException e) {
        return error(HttpStatus.NOT_FOUND, "no such endpoint: /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    protected ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    protected ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        // JSON when the route takes it (the converters also list YAML and the like), else what it takes first
        String expected = e.getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON) ? "application/json"
                : e.getSupportedMediaTypes().stream().findFirst().map(Object::toString).orElse("");
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type " + e.getContentType() + " is not supported here"
                + (expected.isEmpty() ? "" : "; send " + expected));
    }

    /**
     * The database did not hand out a connection within the pool's timeout (down, or every connection
     * busy): 503 at once with a hint when to retry, never a hang. Whatever the call was doing rolled back.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    protected ResponseEntity<Map<String, String>> databaseUnavailable(Exception e) {
        log.warn("database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_RETRY_AFTER_SECONDS))
                .body(Map.of("error", databaseUnavailableMessage(service)));
    }

    static String databaseUnavailableMessage(String service) {
        return "the " + service + " database is unavailable (down or busy); nothing was changed, retry in "
                + DATABASE_RETRY_AFTER_SECONDS + " s";
    }

    @ExceptionHandler(Exception.class)
    protected ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("unexpected error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; see the " + service + " log");
    }

    /** The one error shape: {@code {"error": message}} with {@code status}. */
    protected static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }

    /** The security log line for a call refused for the caller's reach. */
    protected static void refused(HttpServletRequest request, HttpStatus status, String reason) {
        SecurityLog.refused(request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName(),
                request.getMethod(), request.getRequestURI(), status.value(), reason);
    }

    private static Class<?> wrap(Class<?> type) {
        return type.isPrimitive() ? (type == boolean.class ? Boolean.class : Number.class) : type;
    }
}
