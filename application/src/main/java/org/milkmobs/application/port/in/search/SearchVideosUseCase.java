package org.milkmobs.application.port.in.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.RanLeg;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Finding videos: look-alikes of a video, and videos matching a text, an image or an audio clip. A consumer
 * finds validated videos and their own; an admin finds all. Results are a ranked window that pages by cursor.
 */
public interface SearchVideosUseCase {

    int MAX_LIMIT = 100;
    int MAX_QUERY_CHARACTERS = 1000;
    int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    int MAX_AUDIO_BYTES = 10 * 1024 * 1024;

    /**
     * Videos that look and sound like {@code video}, never itself or its exact duplicates.
     *
     * @throws org.milkmobs.application.port.in.VideoNotFoundException when the caller may not see the video
     * @throws org.milkmobs.application.port.in.ConflictException when the video has no embeddings yet
     */
    default SearchResults similar(VideoId video, SearchOptions options) {
        return similar(video, options, false);
    }

    /**
     * {@link #similar(VideoId, SearchOptions)}; with {@code hideNearDuplicates} a near-duplicate of the video or of a
     * higher-ranked result is left out (ADR 0026), so a list of look-alikes is not a list of re-uploads.
     */
    SearchResults similar(VideoId video, SearchOptions options, boolean hideNearDuplicates);

    /** Videos matching a text: vectors and full text fused, or full text alone when the model cannot embed text. */
    default SearchResults byText(String text, SearchOptions options) {
        return byText(text, Optional.empty(), options);
    }

    /**
     * Videos matching a text, answered as the client asks: {@code FULL_TEXT} never calls the model; {@code VECTOR}
     * ranks by meaning alone and fails when the text cannot be embedded (the local model has no text space: a
     * refusal naming {@code mode}; no budget: the budget's refusal); {@code HYBRID} or none fuses both and falls
     * back to full text with a note.
     */
    default SearchResults byText(String text, Optional<SearchMode> mode, SearchOptions options) {
        return byText(text, mode, Fusion.RRF, options);
    }

    /** As above, fusing a hybrid search's two rankings by {@code fusion}; every hit keeps its fused and per-leg scores. */
    SearchResults byText(String text, Optional<SearchMode> mode, Fusion fusion, SearchOptions options);

    /** @throws org.milkmobs.application.port.out.media.MediaRejectedException when the bytes are not an image */
    SearchResults byImage(byte[] image, SearchOptions options);

    /**
     * More of an image search, by the query id its results carry (the image's vector is kept).
     *
     * @throws org.milkmobs.application.port.in.NotFoundException when no image search has that id
     */
    SearchResults imageById(String queryId, SearchOptions options);

    /**
     * Videos whose sound matches the clip. The model may embed audio asynchronously: then the answer is
     * pending, and {@link #resumeAudio} with its query id gives the results once the embedding is made.
     */
    AudioSearch byAudio(byte[] audio, SearchOptions options);

    /** @throws org.milkmobs.application.port.in.NotFoundException when no audio search has that id */
    AudioSearch resumeAudio(String queryId, SearchOptions options);

    /**
     * How to search: who asks, filters, the least vector score, one result per video or per clip, the page, and for
     * similar videos the weight of each modality when not the configured one ({@code mobs.weight.*}).
     */
    record SearchOptions(Caller caller, SearchFilters filters, double threshold, GroupBy groupBy, int limit, Optional<String> cursor,
                         Optional<ModalityWeights> weights) {

        public static final double DEFAULT_THRESHOLD = 0.5;
        public static final int DEFAULT_LIMIT = 20;

        public SearchOptions {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(filters, "filters");
            Objects.requireNonNull(groupBy, "groupBy");
            Objects.requireNonNull(cursor, "cursor");
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new InvalidValueException("threshold", "threshold must be a number from 0 to 1, got " + threshold);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
            Objects.requireNonNull(weights, "weights");
        }

        public SearchOptions(Caller caller, SearchFilters filters, double threshold, GroupBy groupBy, int limit, Optional<String> cursor) {
            this(caller, filters, threshold, groupBy, limit, cursor, Optional.empty());
        }
    }

    /**
     * A page of results. {@code mode} says what they are based on, {@code model} whose vectors were
     * compared, {@code note} anything a user should be told about them; image and audio searches carry the
     * {@code queryId} that pages on without sending the file again; a composed (text and image) search names the
     * {@code legs} that ran and what each ranked by.
     */
    record SearchResults(SearchMode mode, String model, Optional<String> note, Optional<String> queryId, List<SearchResult> items,
                         Optional<String> nextCursor, List<RanLeg> legs) {
        public SearchResults {
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(queryId, "queryId");
            items = List.copyOf(items);
            legs = List.copyOf(legs);
        }

        public SearchResults(SearchMode mode, String model, Optional<String> note, Optional<String> queryId, List<SearchResult> items,
                             Optional<String> nextCursor) {
            this(mode, model, note, queryId, items, nextCursor, List.of());
        }
    }

    record SearchResult(VideoCard video, SearchHit hit) {
    }

    /** What a result list shows of a video. */
    record VideoCard(Video video, Optional<URI> thumbnailUrl, Optional<MobId> mob) {
    }

    sealed interface AudioSearch {

        record Found(SearchResults results) implements AudioSearch {
        }

        /** The audio is still being embedded; ask again with {@code queryId} after {@code retryAfter}. */
        record Pending(String queryId, Duration retryAfter) implements AudioSearch {
        }
    }
}
