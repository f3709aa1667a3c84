package org.milkmobs.application.port.out.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Blobs waiting to be deleted. A deletion is recorded in the same transaction as the rows it belongs
 * to, and retried until the store confirms it, so a failed delete is never forgotten.
 */
public interface BlobDeletionQueue {

    void schedule(Collection<BlobKey> keys, Instant now);

    /** Up to {@code limit} deletions due at {@code now}, locked for this caller until its transaction ends. */
    List<BlobKey> due(Instant now, int limit);

    void done(BlobKey key);

    void retryLater(BlobKey key, String error, Instant retryAt);

    /** How many deletions are still waiting (for health and tests). */
    long pending();
}
