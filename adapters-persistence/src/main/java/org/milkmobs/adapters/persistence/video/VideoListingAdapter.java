package org.milkmobs.adapters.persistence.video;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Listings with keyset paging over (created_at, id), and the feed's diversified order. */
@Dependent
class VideoListingAdapter implements ListVideosPort {

    /**
     * Videos validated and placed by the snapshot, ranked within their mob by recency (a video in no mob
     * is a mob of its own), then ordered by round (rank / perMob), recency, id.
     */
    private static final String FEED = """
            WITH eligible AS (
                SELECT v.id, v.created_at, m.mob_id,
                       (row_number() OVER (PARTITION BY coalesce(m.mob_id, v.id) ORDER BY v.created_at DESC, v.id DESC) - 1) / ? AS round
                FROM video v LEFT JOIN mob_member m ON m.video_id = v.id
                WHERE v.status = 'VALIDATED' AND v.created_at <= ? AND (m.assigned_at IS NULL OR m.assigned_at <= ?)
            )
            SELECT id, mob_id, round FROM eligible
            WHERE ?::integer IS NULL
               OR round > ? OR (round = ? AND (created_at < ? OR (created_at = ? AND id < ?)))
            ORDER BY round, created_at DESC, id DESC
            LIMIT ?
            """;

    private final EntityManager entityManager;
    private final Sql sql;

    @Inject
    VideoListingAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.sql = new Sql(entityManager);
    }

    @Override
    public List<Video> listVideos(VideoFilter filter, Optional<Position> after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT v FROM VideoJpaEntity v WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        filter.owner().ifPresent(owner -> {
            jpql.append(" AND v.ownerId = :owner");
            parameters.put("owner", owner.value());
        });
        if (!filter.statuses().isEmpty()) {
            jpql.append(" AND v.status IN :statuses");
            parameters.put("statuses", filter.statuses().stream().map(VideoStatus::name).toList());
        }
        filter.createdFrom().ifPresent(from -> {
            jpql.append(" AND v.createdAt >= :from");
            parameters.put("from", from);
        });
        filter.createdTo().ifPresent(to -> {
            jpql.append(" AND v.createdAt < :to");
            parameters.put("to", to);
        });
        after.ifPresent(position -> {
            jpql.append(" AND (v.createdAt < :afterTime OR (v.createdAt = :afterTime AND v.id < :afterId))");
            parameters.put("afterTime", position.createdAt());
            parameters.put("afterId", position.id().value());
        });
        jpql.append(" ORDER BY v.createdAt DESC, v.id DESC");
        TypedQuery<VideoJpaEntity> query = entityManager.createQuery(jpql.toString(), VideoJpaEntity.class).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(VideoMapper::toDomain).toList();
    }

    @Override
    public List<FeedEntry> feed(Instant snapshot, int perMobPerRound, Optional<FeedPosition> after, int limit) {
        Integer round = after.map(FeedPosition::round).orElse(null);
        Instant time = after.map(FeedPosition::createdAt).orElse(null);
        UUID id = after.map(p -> p.id().value()).orElse(null);
        List<Object[]> rows = sql.query(FEED, row -> new Object[] {Sql.uuid(row, "id"), Sql.uuid(row, "mob_id"), row.getInt("round")},
                perMobPerRound, snapshot, snapshot, round, round, round, time, time, id, limit);
        Map<UUID, Video> videos = load(rows.stream().map(r -> (UUID) r[0]).toList());
        List<FeedEntry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            Video video = videos.get((UUID) row[0]);
            if (video != null) {
                entries.add(new FeedEntry(video, Optional.ofNullable((UUID) row[1]).map(MobId::new), (Integer) row[2]));
            }
        }
        return entries;
    }

    @Override
    public List<Video> findVideos(Collection<VideoId> ids) {
        return List.copyOf(load(ids.stream().map(VideoId::value).distinct().toList()).values());
    }

    @Override
    public Optional<VideoId> findAnalysedByContent(ContentHash hash, VideoId excluding) {
        return sql.query("""
                SELECT id FROM video
                WHERE content_sha256 = ? AND id <> ? AND status IN ('ANALYZED', 'VALIDATED', 'REJECTED')
                ORDER BY created_at LIMIT 1
                """, row -> new VideoId(Sql.uuid(row, "id")), hash.sha256(), excluding.value()).stream().findFirst();
    }

    @Override
    public List<Video> findWaitingForUpload(Instant before, int limit) {
        List<UUID> ids = sql.query("""
                SELECT id FROM video v
                WHERE status = 'SUBMITTED' AND created_at < ? AND NOT EXISTS (SELECT 1 FROM workflow w WHERE w.video_id = v.id)
                ORDER BY created_at LIMIT ?
                """, row -> Sql.uuid(row, "id"), before, limit);
        Map<UUID, Video> videos = load(ids);
        return ids.stream().map(videos::get).filter(Objects::nonNull).toList();
    }

    private Map<UUID, Video> load(List<UUID> ids) {
        Map<UUID, Video> videos = new HashMap<>();
        if (ids.isEmpty()) {
            return videos;
        }
        // one "id = any(array)" statement whatever the count; a JPQL IN list is re-translated for every new size
        entityManager.unwrap(Session.class).byMultipleIds(VideoJpaEntity.class).multiLoad(ids).stream()
                .filter(Objects::nonNull)
                .forEach(row -> videos.put(row.id, VideoMapper.toDomain(row)));
        return videos;
    }
}
