package dev.modelport.auth.clients;

/**
 * The client exists but lies outside the caller's reach. Answered exactly like a client that does
 * not exist, so a model admin cannot probe for other clients; only the security log says why.
 */
public class ClientOutsideReachException extends ClientNotFoundException {

    public ClientOutsideReachException(String clientId) {
        super(clientId);
    }
}
