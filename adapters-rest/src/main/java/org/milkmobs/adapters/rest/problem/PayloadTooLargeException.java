package org.milkmobs.adapters.rest.problem;

/** A part of a request (a file) is larger than the endpoint takes; answered with 413. */
public final class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
