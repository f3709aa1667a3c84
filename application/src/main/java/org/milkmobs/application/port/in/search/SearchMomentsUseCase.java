package org.milkmobs.application.port.in.search;

import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.VideoId;

/** "More like this moment": the clips of other videos that look like a stretch of one video. */
public interface SearchMomentsUseCase {

    /**
     * Clips that look like the stretch {@code moment} of {@code video} (the mean of its clips that overlap the
     * stretch), grouped per video or one per clip as the options ask; never the video itself or its exact
     * duplicates.
     *
     * @throws org.milkmobs.application.port.in.VideoNotFoundException when the caller may not see the video
     * @throws NotAnalysedException when the video has no clip vectors yet
     * @throws org.milkmobs.domain.InvalidValueException when the stretch covers none of the video's clips
     */
    SearchResults likeMoment(VideoId video, Segment moment, SearchOptions options);
}
