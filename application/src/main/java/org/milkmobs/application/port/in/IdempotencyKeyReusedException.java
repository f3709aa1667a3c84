package org.milkmobs.application.port.in;


/** An Idempotency-Key came back with a different request than the one it was first used for. */
public final class IdempotencyKeyReusedException extends ConflictException {

    public IdempotencyKeyReusedException(String key) {
        super("the Idempotency-Key '" + key + "' was already used for a different submission; use a new key for a new video");
    }
}
