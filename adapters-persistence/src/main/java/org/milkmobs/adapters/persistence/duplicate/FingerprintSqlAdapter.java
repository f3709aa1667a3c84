package org.milkmobs.adapters.persistence.duplicate;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.VideoId;

@Dependent
class FingerprintSqlAdapter implements FingerprintStore {

    private final Sql sql;

    @Inject
    FingerprintSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void replaceFingerprint(VideoId video, Optional<Fingerprint> fingerprint) {
        if (fingerprint.isEmpty()) {
            sql.update("DELETE FROM video_fingerprint WHERE video_id = ?", video.value());
            return;
        }
        Fingerprint f = fingerprint.get();
        sql.update("""
                INSERT INTO video_fingerprint (video_id, width, height, cells) VALUES (?, ?, ?, ?)
                ON CONFLICT (video_id) DO UPDATE SET width = excluded.width, height = excluded.height, cells = excluded.cells
                """, video.value(), (short) f.width(), (short) f.height(), f.cells());
    }

    @Override
    public Optional<Fingerprint> findFingerprint(VideoId video) {
        return sql.query("SELECT width, height, cells FROM video_fingerprint WHERE video_id = ?",
                row -> new Fingerprint(row.getShort("width"), row.getShort("height"), row.getBytes("cells")), video.value())
                .stream().findFirst();
    }
}
