package org.milkmobs.adapters.persistence.duplicate;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.VideoId;

@Dependent
class NearDuplicateSqlAdapter implements NearDuplicateStore {

    private static final String COLUMNS = "position, copy_id, original_id, share, duration_ratio, detected_at";

    private final Sql sql;

    @Inject
    NearDuplicateSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void save(NearDuplicatePair pair) {
        sql.update("""
                INSERT INTO near_duplicate (copy_id, original_id, share, duration_ratio, detected_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (copy_id, original_id) DO UPDATE
                SET share = excluded.share, duration_ratio = excluded.duration_ratio, detected_at = excluded.detected_at
                """, pair.copy().value(), pair.original().value(), pair.share(), pair.durationRatio(), pair.detectedAt());
    }

    @Override
    public Map<VideoId, VideoId> originalsOf(Collection<VideoId> videos) {
        Map<VideoId, VideoId> originals = new HashMap<>();
        if (!videos.isEmpty()) {
            sql.query("""
                    SELECT DISTINCT ON (copy_id) copy_id, original_id FROM near_duplicate WHERE copy_id = ANY(?)
                    ORDER BY copy_id, original_id""",
                    row -> originals.put(new VideoId(Sql.uuid(row, "copy_id")), new VideoId(Sql.uuid(row, "original_id"))), (Object) ids(videos));
        }
        return originals;
    }

    @Override
    public List<NearDuplicatePair> pairsInvolving(Collection<VideoId> videos) {
        if (videos.isEmpty()) {
            return List.of();
        }
        UUID[] ids = ids(videos);
        return sql.query("SELECT " + COLUMNS + " FROM near_duplicate WHERE copy_id = ANY(?) OR original_id = ANY(?)",
                NearDuplicateSqlAdapter::pair, ids, ids);
    }

    @Override
    public List<Listed> list(Optional<Long> after, int limit) {
        return sql.query("SELECT " + COLUMNS + " FROM near_duplicate WHERE position < ? ORDER BY position DESC LIMIT ?",
                row -> new Listed(row.getLong("position"), pair(row)), after.orElse(Long.MAX_VALUE), limit);
    }

    private static NearDuplicatePair pair(ResultSet row) throws SQLException {
        return new NearDuplicatePair(new VideoId(Sql.uuid(row, "copy_id")), new VideoId(Sql.uuid(row, "original_id")),
                row.getDouble("share"), row.getDouble("duration_ratio"), Sql.instant(row, "detected_at"));
    }

    private static UUID[] ids(Collection<VideoId> videos) {
        return videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new);
    }
}
