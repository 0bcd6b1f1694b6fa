package dev.modelport.auth.web;

import dev.modelport.auth.clients.ClientChangeRefusedException;
import dev.modelport.auth.clients.ClientNotFoundException;
import dev.modelport.auth.clients.InvalidClientException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps management-API failures to {@code {"error": "..."}} with the right status. */
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

    @ExceptionHandler(ClientNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    Map<String, String> notFound(ClientNotFoundException e) {
        return error(e.getMessage());
    }

    @ExceptionHandler(ClientChangeRefusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    Map<String, String> refused(ClientChangeRefusedException e) {
        return error(e.getMessage());
    }

    private static Map<String, String> error(String message) {
        return Map.of("error", message);
    }
}
