package dev.modelport.client;

/**
 * A call to the platform that did not do what was asked, or a credential that is missing; the
 * message says which service, URL and credential, so it can be shown to a user as it is.
 */
public final class PlatformException extends RuntimeException {

    private final int status;

    /** @param status the HTTP status the service answered, 0 when there was no answer */
    public PlatformException(String message, int status) {
        super(message);
        this.status = status;
    }

    public PlatformException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the service answered; 0 when it did not answer at all. */
    public int status() {
        return status;
    }
}
