package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.port.out.storage.BlobKey;

/** Deletions waiting, each with when it is due and its last error, earliest due first; a key scheduled twice is one deletion. */
public class InMemoryBlobDeletionQueue implements BlobDeletionQueue {

    private record Pending(Instant dueAt, String error) {
    }

    private final Map<BlobKey, Pending> pending = new LinkedHashMap<>();

    @Override
    public synchronized void schedule(Collection<BlobKey> keys, Instant now) {
        // as the table: scheduling a waiting key again makes it due at the new time and keeps its last error
        keys.forEach(key -> pending.merge(key, new Pending(now, null), (waiting, again) -> new Pending(now, waiting.error())));
    }

    @Override
    public synchronized List<BlobKey> due(Instant now, int limit) {
        return pending.entrySet().stream().filter(e -> !e.getValue().dueAt().isAfter(now))
                .sorted(Comparator.comparing(e -> e.getValue().dueAt())).map(Map.Entry::getKey).limit(limit).toList();
    }

    @Override
    public synchronized void done(BlobKey key) {
        pending.remove(key);
    }

    @Override
    public synchronized void retryLater(BlobKey key, String error, Instant retryAt) {
        pending.computeIfPresent(key, (k, p) -> new Pending(retryAt, error));
    }

    @Override
    public synchronized long pending() {
        return pending.size();
    }

    public synchronized List<BlobKey> keys() {
        return List.copyOf(pending.keySet());
    }

    public synchronized java.util.Optional<String> lastError(BlobKey key) {
        return java.util.Optional.ofNullable(pending.get(key)).map(Pending::error);
    }
}
