package dev.modelport.auth.clients;

/** A client request with a bad field; the message starts with the field's name. */
public class InvalidClientException extends RuntimeException {

    public InvalidClientException(String field, String problem) {
        super(field + ": " + problem);
    }
}
