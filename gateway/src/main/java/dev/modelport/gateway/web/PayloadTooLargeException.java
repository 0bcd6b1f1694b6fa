package dev.modelport.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A request body over its route's limit; answered with 413 before the rest of the body is read. */
class PayloadTooLargeException extends ResponseStatusException {

    PayloadTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "request body is larger than " + limit.toMegabytes() + " MB"
                + (limit.toMegabytes() == 0 ? " (" + limit.toBytes() + " bytes)" : ""));
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
