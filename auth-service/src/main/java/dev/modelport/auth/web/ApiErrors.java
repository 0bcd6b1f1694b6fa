package dev.modelport.auth.web;

import dev.modelport.auth.clients.ClientChangeRefusedException;
import dev.modelport.auth.clients.ClientNotFoundException;
import dev.modelport.auth.clients.ClientOutsideReachException;
import dev.modelport.auth.clients.InvalidClientException;
import dev.modelport.auth.clients.ReachExceededException;
import dev.modelport.support.security.SecurityLog;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps management-API failures to {@code {"error": "..."}} with the right status. Calls refused for
 * the caller's reach also write the security log line.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> invalidFields(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return error(message);
    }

    @ExceptionHandler(InvalidClientException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> invalidClient(InvalidClientException e) {
        return error(e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> unreadable(HttpMessageNotReadableException e) {
        return error("the body is not the JSON this endpoint expects");
    }

    @ExceptionHandler(ReachExceededException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    Map<String, String> beyondReach(ReachExceededException e, HttpServletRequest request) {
        refused(request, HttpStatus.FORBIDDEN, e.getMessage());
        return error(e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    Map<String, String> denied(AccessDeniedException e, HttpServletRequest request) {
        refused(request, HttpStatus.FORBIDDEN, e.getMessage());
        return error(e.getMessage());
    }

    @ExceptionHandler(ClientNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Map<String, String> notFound(ClientNotFoundException e, HttpServletRequest request) {
        if (e instanceof ClientOutsideReachException) {
            refused(request, HttpStatus.NOT_FOUND, "the client is outside the caller's reach");
        }
        return error(e.getMessage());
    }

    @ExceptionHandler(ClientChangeRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    Map<String, String> refused(ClientChangeRefusedException e) {
        return error(e.getMessage());
    }

    private static void refused(HttpServletRequest request, HttpStatus status, String reason) {
        Principal caller = request.getUserPrincipal();
        SecurityLog.refused(caller == null ? null : caller.getName(), request.getMethod(), request.getRequestURI(),
                status.value(), reason);
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }
}
