package org.milkmobs.adapters.rest.problem;

import java.io.IOException;

/**
 * Thrown by a body stream past its endpoint's limit (the body limit filter wraps the stream); the problem
 * mappers find it in a reader's exception chain and answer 413. It lives here, not beside the filter, so the
 * problem package depends on no other package of this adapter.
 */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than this endpoint accepts (" + describe(limit) + ")");
    }

    /** A size as people read it: whole megabytes as MB, anything else in bytes. */
    public static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
