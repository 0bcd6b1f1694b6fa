package dev.modelport.model.protocol;

/**
 * A request that breaks the protocol. The message names the input and the problem and is safe to show the
 * caller as the {@code {"error": ...}} body of a 400.
 */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }
}
