package org.milkmobs.domain;

/**
 * A rule of the domain was broken. Adapters translate each subtype into their own error model
 * (the REST adapter into problem+json), so the message must make sense to the caller who broke it.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }
}
