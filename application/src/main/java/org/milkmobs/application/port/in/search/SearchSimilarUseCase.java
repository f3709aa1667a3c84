package org.milkmobs.application.port.in.search;

import org.milkmobs.domain.video.VideoId;

/**
 * Look-alikes of a video, by its asset vectors (visual first, the other modalities weighed in). A consumer finds validated
 * videos and their own; an admin finds all. Results are a ranked window that pages by cursor.
 */
public interface SearchSimilarUseCase {

    /**
     * Videos that look and sound like {@code video}, never itself or its exact duplicates.
     *
     * @throws org.milkmobs.application.port.in.VideoNotFoundException when the caller may not see the video
     * @throws NotAnalysedException when the video has no embeddings yet
     */
    default SearchResults similar(VideoId video, SearchOptions options) {
        return similar(video, options, false);
    }

    /**
     * {@link #similar(VideoId, SearchOptions)}; with {@code hideNearDuplicates} a near-duplicate of the video or of a
     * higher-ranked result is left out (ADR 0026), so a list of look-alikes is not a list of re-uploads.
     */
    SearchResults similar(VideoId video, SearchOptions options, boolean hideNearDuplicates);
}
