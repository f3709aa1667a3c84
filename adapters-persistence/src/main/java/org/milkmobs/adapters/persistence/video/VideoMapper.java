package org.milkmobs.adapters.persistence.video;

import java.util.List;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoSnapshot;
import org.milkmobs.domain.video.VideoStatus;

/** Maps between the {@link Video} aggregate and its row, once per boundary crossing. */
final class VideoMapper {

    private VideoMapper() {
    }

    static Video toDomain(VideoJpaEntity row) {
        MediaFacts media = row.container == null ? null : new MediaFacts(row.container, row.videoCodec, row.audioCodec,
                row.durationSeconds, row.width, row.height, row.sizeBytes, new ContentHash(row.contentSha256));
        Failure failure = row.failureCode == null ? null
                : new Failure(FailureCode.valueOf(row.failureCode), row.failureDetail);
        return Video.restore(new VideoSnapshot(new VideoId(row.id), new UserId(row.ownerId), new Title(row.title),
                new Description(row.description), new Hashtags(List.of(row.hashtags)), VideoStatus.valueOf(row.status),
                row.createdAt, row.updatedAt, media, failure, row.hasThumbnail,
                row.duplicateOf == null ? null : new VideoId(row.duplicateOf), row.version));
    }

    /** Copies every field but the version, which JPA manages. */
    static void copyInto(Video video, VideoJpaEntity row) {
        VideoSnapshot s = video.snapshot();
        row.id = s.id().value();
        row.ownerId = s.owner().value();
        row.title = s.title().value();
        row.description = s.description().value();
        row.hashtags = s.hashtags().values().toArray(String[]::new);
        row.status = s.status().name();
        row.failureCode = s.failure() == null ? null : s.failure().code().name();
        row.failureDetail = s.failure() == null ? null : s.failure().detail();
        MediaFacts media = s.media();
        row.container = media == null ? null : media.container();
        row.videoCodec = media == null ? null : media.videoCodec();
        row.audioCodec = media == null ? null : media.audioCodec();
        row.durationSeconds = media == null ? null : media.durationSeconds();
        row.width = media == null ? null : media.width();
        row.height = media == null ? null : media.height();
        row.sizeBytes = media == null ? null : media.sizeBytes();
        row.contentSha256 = media == null ? null : media.contentHash().sha256();
        row.hasThumbnail = s.hasThumbnail();
        row.duplicateOf = s.duplicateOf() == null ? null : s.duplicateOf().value();
        row.createdAt = s.createdAt();
        row.updatedAt = s.updatedAt();
    }
}
