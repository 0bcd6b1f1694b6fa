package dev.modelport.auth.clients;

/** A client secret in clear text: handed out once, when created or rotated, never stored. */
public record IssuedSecret(String clientId, String secret) {

    @Override
    public String toString() {
        return "IssuedSecret[clientId=" + clientId + ", secret=<hidden>]";
    }
}
