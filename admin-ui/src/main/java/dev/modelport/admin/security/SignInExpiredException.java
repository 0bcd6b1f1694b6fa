package dev.modelport.admin.security;

/** The admin's tokens can no longer be refreshed: the only way on is signing in again. */
public class SignInExpiredException extends RuntimeException {

    SignInExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
