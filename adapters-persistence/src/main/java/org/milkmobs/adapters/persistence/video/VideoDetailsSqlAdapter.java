package org.milkmobs.adapters.persistence.video;

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
import org.milkmobs.adapters.persistence.analysis.AnalysisRows;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.video.VideoId;

/**
 * The read model behind a video's details in one statement (ADR 0029): the video's row (or only its id, for a page
 * whose videos are loaded), its analysis and mob by their primary keys, and the earliest original it is a
 * near-duplicate of through the (copy_id, original_id) unique index. One round trip where the details took four.
 */
@Dependent
class VideoDetailsSqlAdapter implements VideoDetailsReadPort {

    private static final String FACTS = AnalysisRows.COLUMNS + ", mm.mob_id, nd.original_id";

    private static final String JOINS = """
            FROM video v
            LEFT JOIN analysis a ON a.video_id = v.id
            LEFT JOIN mob_member mm ON mm.video_id = v.id
            LEFT JOIN LATERAL (SELECT d.original_id FROM near_duplicate d WHERE d.copy_id = v.id
                               ORDER BY d.original_id LIMIT 1) nd ON true
            """;

    private static final String VIDEO_COLUMNS = "v.id, v.owner_id, v.title, v.description, v.hashtags, v.status, v.failure_code,"
            + " v.failure_detail, v.container, v.video_codec, v.audio_codec, v.duration_seconds, v.width, v.height, v.size_bytes,"
            + " v.content_sha256, v.has_thumbnail, v.duplicate_of, v.created_at, v.updated_at, v.version";

    private static final String ONE = "SELECT " + VIDEO_COLUMNS + ", " + FACTS + " " + JOINS + " WHERE v.id = ?";

    private static final String MANY = "SELECT " + VIDEO_COLUMNS + ", " + FACTS + " " + JOINS + " WHERE v.id = ANY(?)";

    private static final String PAGE = "SELECT v.id, " + FACTS + " " + JOINS + " WHERE v.id = ANY(?)";

    private final Sql sql;

    @Inject
    VideoDetailsSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<VideoWithFacts> videoWithFacts(VideoId id) {
        List<VideoWithFacts> found = sql.query(ONE, row -> new VideoWithFacts(VideoMapper.toDomain(video(row)), facts(row, id)), id.value());
        return found.stream().findFirst();
    }

    @Override
    public Map<VideoId, VideoWithFacts> videosWithFacts(Collection<VideoId> ids) {
        Map<VideoId, VideoWithFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        sql.query(MANY, row -> {
            VideoId video = new VideoId(Sql.uuid(row, "id"));
            return found.put(video, new VideoWithFacts(VideoMapper.toDomain(video(row)), facts(row, video)));
        }, (Object) ids.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        return found;
    }

    @Override
    public Map<VideoId, PublicFacts> publicFactsOf(Collection<VideoId> ids) {
        Map<VideoId, PublicFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        sql.query(PAGE, row -> {
            VideoId video = new VideoId(Sql.uuid(row, "id"));
            return found.put(video, facts(row, video));
        }, (Object) ids.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        return found;
    }

    private static PublicFacts facts(ResultSet row, VideoId video) throws SQLException {
        UUID mob = Sql.uuid(row, "mob_id");
        UUID original = Sql.uuid(row, "original_id");
        return new PublicFacts(Optional.ofNullable(AnalysisRows.read(row, video)), Optional.ofNullable(mob).map(MobId::new),
                Optional.ofNullable(original).map(VideoId::new));
    }

    /** The row as the entity Hibernate would have read, so that {@link VideoMapper} stays the one mapping. */
    private static VideoJpaEntity video(ResultSet row) throws SQLException {
        VideoJpaEntity v = new VideoJpaEntity();
        v.id = Sql.uuid(row, "id");
        v.ownerId = row.getString("owner_id");
        v.title = row.getString("title");
        v.description = row.getString("description");
        v.hashtags = (String[]) row.getArray("hashtags").getArray();
        v.status = row.getString("status");
        v.failureCode = row.getString("failure_code");
        v.failureDetail = row.getString("failure_detail");
        v.container = row.getString("container");
        v.videoCodec = row.getString("video_codec");
        v.audioCodec = row.getString("audio_codec");
        v.durationSeconds = orNull(row, row.getDouble("duration_seconds"));
        v.width = orNull(row, row.getInt("width"));
        v.height = orNull(row, row.getInt("height"));
        v.sizeBytes = orNull(row, row.getLong("size_bytes"));
        v.contentSha256 = row.getString("content_sha256");
        v.hasThumbnail = row.getBoolean("has_thumbnail");
        v.duplicateOf = Sql.uuid(row, "duplicate_of");
        v.createdAt = Sql.instant(row, "created_at");
        v.updatedAt = Sql.instant(row, "updated_at");
        v.version = row.getLong("version");
        return v;
    }

    /** The value just read, or null when the column was NULL (JDBC reads those as 0). */
    private static <T> T orNull(ResultSet row, T value) throws SQLException {
        return row.wasNull() ? null : value;
    }
}
