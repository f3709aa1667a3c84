package org.milkmobs.domain.video;

import java.time.Instant;
import org.milkmobs.domain.user.UserId;

/**
 * Every field of a {@link Video}, for storage adapters: {@link Video#snapshot()} reads it out and
 * {@link Video#restore(VideoSnapshot)} builds the aggregate back.
 */
public record VideoSnapshot(
        VideoId id,
        UserId owner,
        Title title,
        Description description,
        Hashtags hashtags,
        VideoStatus status,
        Instant createdAt,
        Instant updatedAt,
        MediaFacts media,
        Failure failure,
        boolean hasThumbnail,
        VideoId duplicateOf,
        long version) {
}
