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
}
