package org.milkmobs.adapters.persistence.housekeeping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.port.out.storage.BlobKey;

@Dependent
class BlobDeletionQueueAdapter implements BlobDeletionQueue {

    private final Sql sql;

    @Inject
    BlobDeletionQueueAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void schedule(Collection<BlobKey> keys, Instant now) {
        sql.batch("INSERT INTO blob_deletion (blob_key, due_at, created_at) VALUES (?, ?, ?) ON CONFLICT (blob_key) DO UPDATE SET due_at = EXCLUDED.due_at",
                keys.stream().map(k -> new Object[] {k.value(), now, now}).toList());
    }

    @Override
    public List<BlobKey> due(Instant now, int limit) {
        return sql.query("SELECT blob_key FROM blob_deletion WHERE due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
                row -> new BlobKey(row.getString("blob_key")), now, limit);
    }

    @Override
    public void done(BlobKey key) {
        sql.update("DELETE FROM blob_deletion WHERE blob_key = ?", key.value());
    }

    @Override
    public void retryLater(BlobKey key, String error, Instant retryAt) {
        sql.update("UPDATE blob_deletion SET due_at = ?, attempts = attempts + 1, last_error = ? WHERE blob_key = ?", retryAt, error,
                key.value());
    }

    @Override
    public long pending() {
        return sql.query("SELECT count(*) FROM blob_deletion", row -> row.getLong(1)).get(0);
    }
}
