package org.milkmobs.adapters.persistence.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.analysis.AnalysisRows;
import org.milkmobs.application.port.out.VideoDetailsReadPort.PublicFacts;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The read model's statements and their one mapping (ADR 0029), for the adapters that read a video's details with
 * something else in the same round trip (similar videos' cards with their best clips).
 */
public final class VideoDetailsRows {

    static final String FACTS = AnalysisRows.COLUMNS + ", mm.mob_id, nd.original_id";

    static final String JOINS = """
            FROM video v
            LEFT JOIN analysis a ON a.video_id = v.id
            LEFT JOIN mob_member mm ON mm.video_id = v.id
            LEFT JOIN LATERAL (SELECT d.original_id FROM near_duplicate d WHERE d.copy_id = v.id
                               ORDER BY d.original_id LIMIT 1) nd ON true
            """;

    public static final String VIDEO_COLUMNS = "v.id, v.owner_id, v.title, v.description, v.hashtags, v.status, v.failure_code,"
            + " v.failure_detail, v.container, v.video_codec, v.audio_codec, v.duration_seconds, v.width, v.height, v.size_bytes,"
            + " v.content_sha256, v.has_thumbnail, v.duplicate_of, v.created_at, v.updated_at, v.version";

    static final String ONE = "SELECT " + VIDEO_COLUMNS + ", " + FACTS + " " + JOINS + " WHERE v.id = ?";

    public static final String MANY = "SELECT " + VIDEO_COLUMNS + ", " + FACTS + " " + JOINS + " WHERE v.id = ANY(?)";

    static final String PAGE = "SELECT v.id, " + FACTS + " " + JOINS + " WHERE v.id = ANY(?)";

    private VideoDetailsRows() {
    }

    /** A row of {@link #MANY}: the video with its public facts. */
    public static VideoWithFacts withFacts(ResultSet row) throws SQLException {
        Video video = video(row);
        return new VideoWithFacts(video, facts(row, video.id()));
    }

    /** The video of a row holding {@link #VIDEO_COLUMNS} (of {@code video v}). */
    public static Video video(ResultSet row) throws SQLException {
        return VideoMapper.toDomain(entity(row));
    }

    static PublicFacts facts(ResultSet row, VideoId video) throws SQLException {
        UUID mob = Sql.uuid(row, "mob_id");
        UUID original = Sql.uuid(row, "original_id");
        return new PublicFacts(Optional.ofNullable(AnalysisRows.read(row, video)), Optional.ofNullable(mob).map(MobId::new),
                Optional.ofNullable(original).map(VideoId::new));
    }

    /** The row as the entity Hibernate would have read, so that {@link VideoMapper} stays the one mapping. */
    private static VideoJpaEntity entity(ResultSet row) throws SQLException {
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
