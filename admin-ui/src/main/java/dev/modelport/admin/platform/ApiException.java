package dev.modelport.admin.platform;

/** The platform answered with an error; the message is its {@code error} text, as it is. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The route itself is missing (not an unknown model or client): the running platform lacks the call.
     * The gateway says "no such route", a service "no such endpoint: …".
     */
    public boolean notAvailable() {
        String message = getMessage();
        return (status == 404 && (message.startsWith("404") || message.equals("Not Found")
                || message.startsWith("no such endpoint") || message.equals("no such route")))
                || status == 405 || status == 501;
    }
}
