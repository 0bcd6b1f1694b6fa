package dev.modelport.auth.clients;

/** The change conflicts with the client's state (revoked) or role (the console's client). */
public class ClientChangeRefusedException extends RuntimeException {

    public ClientChangeRefusedException(String message) {
        super(message);
    }
}
