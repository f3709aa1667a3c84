package org.milkmobs.application.port.out.storage;

import java.time.Instant;

/**
 * Verifies grants that the application serves itself (the local store's signed URLs). A store that is
 * served elsewhere (S3) issues no such grants, and every token is refused.
 */
public interface BlobGrants {

    /** @throws InvalidGrantException when the token is forged, expired, or not for {@code action} */
    Grant verify(String token, Action action);

    enum Action { UPLOAD, DOWNLOAD }

    /** What a valid token allows: {@code maxBytes} applies to uploads, {@code contentType} to downloads. */
    record Grant(BlobKey key, Action action, Instant expiresAt, long maxBytes, String contentType) {
    }

    final class InvalidGrantException extends RuntimeException {

        private final Reason reason;

        public InvalidGrantException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        /** {@code SPENT}: a valid upload grant whose upload was completed, or whose video was deleted. */
        public enum Reason { MALFORMED, BAD_SIGNATURE, EXPIRED, WRONG_ACTION, SPENT }
    }
}
