package dev.modelport.auth.web;

import dev.modelport.auth.clients.ClientChangeRefusedException;
import dev.modelport.auth.clients.ClientNotFoundException;
import dev.modelport.auth.clients.ClientOutsideReachException;
import dev.modelport.auth.clients.InvalidClientException;
import dev.modelport.auth.clients.ReachExceededException;
import dev.modelport.support.web.ApiErrorAdvice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps management-API failures to {@code {"error": "..."}} with the right status: the clients'
 * here, the framework's (invalid JSON, unknown routes, wrong methods) in {@link ApiErrorAdvice}.
 * Calls refused for the caller's reach also write the security log line.
 */
@RestControllerAdvice
class ApiErrors extends ApiErrorAdvice {

    ApiErrors() {
        super("auth-service");
    }

    @ExceptionHandler(InvalidClientException.class)
    ResponseEntity<Map<String, String>> invalidClient(InvalidClientException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ReachExceededException.class)
    ResponseEntity<Map<String, String>> beyondReach(ReachExceededException e, HttpServletRequest request) {
        refused(request, HttpStatus.FORBIDDEN, e.getMessage());
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ClientNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(ClientNotFoundException e, HttpServletRequest request) {
        if (e instanceof ClientOutsideReachException) {
            refused(request, HttpStatus.NOT_FOUND, "the client is outside the caller's reach");
        }
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ClientChangeRefusedException.class)
    ResponseEntity<Map<String, String>> refused(ClientChangeRefusedException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }
}
