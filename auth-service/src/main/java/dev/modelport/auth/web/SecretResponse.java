package dev.modelport.auth.web;

/** The answer to rotating a secret: the new secret, shown this once. */
record SecretResponse(String clientId, String clientSecret) {

    /** Debug logging of response bodies must not print the secret. */
    @Override
    public String toString() {
        return "SecretResponse[clientId=" + clientId + ", clientSecret=<hidden>]";
    }
}
