package dev.modelport.auth.clients;

/** No client has that id. */
public class ClientNotFoundException extends RuntimeException {

    public ClientNotFoundException(String clientId) {
        super("no client " + clientId);
    }
}
