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
     * The feed over its stored order (V25, ADR 0018): a member's round is (its mob's newest feed_seq at the
     * snapshot - its own) / perMob, so round r of every mob is a range of its (mob_id, feed_seq) index and a
     * page reads the rounds [from, from + window) of each mob, never the whole catalogue. Validated videos in
     * no mob are each a mob of their own (round 0), found through a partial index. Mobs are few (bounded by
     * mobs.max-count and K), so the cost is O(mobs x window x perMob), not O(videos).
     */
    private static final String FEED = """
            WITH tops AS (
                SELECT m.id AS mob_id, top.seq AS top
                FROM mob m CROSS JOIN LATERAL (
                    SELECT mm.feed_seq AS seq FROM mob_member mm
                    WHERE mm.mob_id = m.id AND mm.assigned_at <= ?
                    ORDER BY mm.feed_seq DESC LIMIT 1) top
            ), entries AS (
                SELECT placed.id, tops.mob_id, ((tops.top - placed.feed_seq) / ?)::integer AS round, placed.created_at
                FROM tops CROSS JOIN LATERAL (
                    -- the LIMIT keeps this a per-mob index range scan; without it the planner hash-joins every member
                    SELECT mm.video_id AS id, mm.feed_seq, v.created_at FROM mob_member mm JOIN video v ON v.id = mm.video_id
                    WHERE mm.mob_id = tops.mob_id AND mm.assigned_at <= ?
                      AND mm.feed_seq <= tops.top - ?::bigint * ? AND mm.feed_seq > tops.top - ?::bigint * ?
                      AND v.status = 'VALIDATED' AND v.created_at <= ?
                    ORDER BY mm.feed_seq DESC LIMIT ?) placed
                UNION ALL
                (SELECT v.id, NULL::uuid, 0, v.created_at FROM video v
                 WHERE ? = 0 AND v.status = 'VALIDATED' AND NOT v.in_mob AND v.created_at <= ?
                   AND (?::timestamptz IS NULL OR v.created_at < ? OR (v.created_at = ? AND v.id < ?))
                 ORDER BY v.created_at DESC, v.id DESC LIMIT ?)
            )
            SELECT id, mob_id, round FROM entries e
            WHERE ?::integer IS NULL OR e.round > ? OR (e.round = ? AND (e.created_at < ? OR (e.created_at = ? AND e.id < ?)))
            ORDER BY e.round, e.created_at DESC, e.id DESC
            LIMIT ?
            """;

    /** Rounds read by a feed page's first attempt; enough whenever a few mobs are busy. */
    private static final int FIRST_WINDOW = 2;

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
        int from = after.map(FeedPosition::round).orElse(0);
        // rounds come in order, so the rows of rounds [from, from + window) are a prefix of the feed: a full page
        // from them is the right page; a short one is final only once the window covers every mob's oldest round
        int window = FIRST_WINDOW;
        List<Object[]> rows = feedRows(snapshot, perMobPerRound, after, from, window, limit);
        while (rows.size() < limit && (long) (from + window) * perMobPerRound <= highestSeq()) {
            window = (int) Math.min(Integer.MAX_VALUE / 2, (long) window * 4);
            rows = feedRows(snapshot, perMobPerRound, after, from, window, limit);
        }
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

    private List<Object[]> feedRows(Instant snapshot, int perMob, Optional<FeedPosition> after, int from, int window, int limit) {
        Integer round = after.map(FeedPosition::round).orElse(null);
        Instant time = after.map(FeedPosition::createdAt).orElse(null);
        UUID id = after.map(p -> p.id().value()).orElse(null);
        return sql.query(FEED, row -> new Object[] {Sql.uuid(row, "id"), Sql.uuid(row, "mob_id"), row.getInt("round")},
                snapshot, perMob, snapshot, from, perMob, from + window, perMob, snapshot, (long) window * perMob,
                from, snapshot, time, time, time, id, limit,
                round, round, round, time, time, id, limit);
    }

    private long highestSeq() {
        return sql.query("SELECT coalesce(max(member_seq), 0) FROM mob", row -> row.getLong(1)).get(0);
    }

    @Override
    public List<Video> findVideos(Collection<VideoId> ids) {
        return List.copyOf(load(ids.stream().map(VideoId::value).distinct().toList()).values());
    }

    @Override
    public Optional<VideoId> findAnalysedByContent(ContentHash hash, VideoId excluding) {
        return sql.query("""
                SELECT id FROM video
                WHERE content_sha256 = ? AND id <> ? AND status IN ('ANALYZED', 'VALIDATED', 'REJECTED', 'IN_REVIEW')
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
