package org.milkmobs.application.port.in.gateway;

/** The caller's API key is unknown or revoked: nothing is called, nothing is spent. */
public class InvalidApiKeyException extends RuntimeException {

    public InvalidApiKeyException(String message) {
        super(message);
    }
}
