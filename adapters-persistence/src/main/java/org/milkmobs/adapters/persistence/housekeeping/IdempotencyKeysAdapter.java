package org.milkmobs.adapters.persistence.housekeeping;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;

/**
 * ON CONFLICT DO NOTHING decides the winner: a concurrent second claim waits for the first to commit,
 * inserts nothing, and reads the first one's video.
 */
@Dependent
class IdempotencyKeysAdapter implements IdempotencyKeys {

    private final Sql sql;

    @Inject
    IdempotencyKeysAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Claim claim(UserId owner, String key, String fingerprint, VideoId candidate, Instant now) {
        int inserted = sql.update("""
                INSERT INTO idempotency_key (owner_id, key, video_id, fingerprint, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (owner_id, key) DO NOTHING
                """, owner.value(), key, candidate.value(), fingerprint, now);
        if (inserted == 1) {
            return new Claim(candidate, true, true);
        }
        return sql.query("SELECT video_id, fingerprint FROM idempotency_key WHERE owner_id = ? AND key = ?",
                row -> new Claim(new VideoId(Sql.uuid(row, "video_id")), false, fingerprint.equals(row.getString("fingerprint"))),
                owner.value(), key).get(0);
    }

    @Override
    public int expire(Instant before) {
        return sql.update("DELETE FROM idempotency_key WHERE created_at < ?", before);
    }
}
