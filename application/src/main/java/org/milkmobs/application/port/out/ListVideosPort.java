package org.milkmobs.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Reads of many videos: listings, the feed, and the lookups the pipeline needs. */
public interface ListVideosPort {

    /** Videos newest first (by creation, then id) matching {@code filter}, strictly after {@code after}. */
    List<Video> listVideos(VideoFilter filter, Optional<Position> after, int limit);

    /**
     * The feed: validated videos, newest first, but each mob gets at most {@code perMobPerRound} places in a
     * "round" before every other mob has had its turn, so one busy mob never fills a page. The order is
     * computed over the videos validated up to {@code snapshot}, which the caller keeps across pages.
     */
    List<FeedEntry> feed(Instant snapshot, int perMobPerRound, Optional<FeedPosition> after, int limit);

    /** The videos with these ids that exist, in no particular order. */
    List<Video> findVideos(Collection<VideoId> ids);

    /**
     * An earlier upload with the same bytes whose analysis is done (analysed, or decided: validated, rejected or waiting in
     * review), to reuse instead of paying again.
     */
    Optional<VideoId> findAnalysedByContent(ContentHash hash, VideoId excluding);

    /** Submissions still waiting for an upload (no workflow yet) created before {@code before}, oldest first. */
    List<Video> findWaitingForUpload(Instant before, int limit);

    record VideoFilter(Optional<UserId> owner, Set<VideoStatus> statuses, Optional<Instant> createdFrom, Optional<Instant> createdTo) {

        public static VideoFilter all() {
            return new VideoFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty());
        }
    }

    /** A place in a newest-first listing. */
    record Position(Instant createdAt, VideoId id) {
    }

    /** A place in the feed's order. */
    record FeedPosition(int round, Instant createdAt, VideoId id) {
    }

    record FeedEntry(Video video, Optional<MobId> mob, int round) {
    }
}
