package org.milkmobs.application.service.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.search.NotAnalysedException;
import org.milkmobs.application.port.in.search.SearchMomentsUseCase;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.search.ClipGrouping;
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Searches by a moment of a stored video: its overlapping visual clips, averaged, are the query; nothing is paid. */
public class MomentSearchService implements SearchMomentsUseCase {

    private final LoadVideoPort videos;
    private final EmbeddingStore embeddings;
    private final VectorSearchPort vectors;
    private final EmbeddingModel model;
    private final ResultCards cards;
    private final int window;
    private final Transactions transactions;

    public MomentSearchService(LoadVideoPort videos, EmbeddingStore embeddings, VectorSearchPort vectors, EmbeddingModel model,
                               ResultCards cards, int window, Transactions transactions) {
        this.videos = videos;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.model = model;
        this.cards = cards;
        this.window = window;
        this.transactions = transactions;
    }

    @Override
    public SearchResults likeMoment(VideoId videoId, Segment moment, SearchOptions options) {
        long fingerprint = SearchCursor.fingerprint("moment", videoId + "@" + moment.startSeconds() + "-" + moment.endSeconds(), options);
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint);
        return transactions.inTransaction(() -> {
            Video source = videos.loadVideo(videoId).filter(v -> v.isVisibleTo(options.caller()))
                    .orElseThrow(() -> new VideoNotFoundException(videoId));
            List<Embedding> clips = embeddings.findEmbeddings(videoId, model).stream()
                    .filter(e -> e.scope() == Scope.CLIP && e.modality() == Modality.VISUAL).toList();
            if (clips.isEmpty()) {
                throw new NotAnalysedException(videoId, model);
            }
            List<float[]> overlapping = clips.stream().filter(e -> overlaps(e.segment(), moment)).map(Embedding::vector).toList();
            if (overlapping.isEmpty()) {
                double end = clips.stream().mapToDouble(e -> e.segment().endSeconds()).max().orElseThrow();
                throw new InvalidValueException("start", "the moment " + moment.startSeconds() + "–" + moment.endSeconds()
                        + " s lies outside the video's clips (0–" + end + " s)");
            }
            float[] query = Vectors.normalised(Vectors.mean(overlapping));
            List<SearchHit> hits = ClipGrouping.group(Searches.clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model,
                    Scope.CLIP, Set.of(Modality.VISUAL), query, Searches.visibility(options), options.filters(), Optional.of(videoId),
                    source.media().map(m -> m.contentHash()), window))), options.groupBy(), Searches.MOMENTS_PER_VIDEO);
            ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
            return cards.results(SearchMode.VECTOR, model, Optional.empty(), Optional.empty(), slice.hits(), slice, fingerprint);
        });
    }

    /** A clip counts when it shares more than an instant with the moment (a moment inside one clip picks that clip). */
    private static boolean overlaps(Segment clip, Segment moment) {
        return clip.startSeconds() < moment.endSeconds() && clip.endSeconds() > moment.startSeconds()
                || moment.duration() == 0 && clip.startSeconds() <= moment.startSeconds() && moment.startSeconds() < clip.endSeconds();
    }
}
