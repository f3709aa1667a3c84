package org.milkmobs.adapters.rest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most bytes a resource method reads from a request body; more is refused with 413 before it is buffered.
 * A POST, PUT or PATCH without this annotation may read {@link #DEFAULT_BYTES}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** Ample for every JSON request model (a submission is at most ~30 KB even fully \\u-escaped). */
    long DEFAULT_BYTES = 1024 * 1024;

    /** For a method that streams its body and enforces its own limit as it goes (the blob store's signed uploads). */
    long SELF_ENFORCED = -1;

    long bytes();
}
