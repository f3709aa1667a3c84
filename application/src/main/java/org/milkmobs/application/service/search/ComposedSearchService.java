package org.milkmobs.application.service.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchByTextAndImageUseCase;
import org.milkmobs.application.port.in.search.SearchByTextUseCase;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.search.TextSearchPort;
import org.milkmobs.application.port.out.search.TextSearchPort.TextMatch;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.ClipGrouping;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.RanLeg;
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;

/**
 * Searches by a text and an image together. With a composed vector (one paid, cached embedding of both) the clips nearest
 * to it are the answer; without one (the local model) the image's nearest clips and the text's full-text matches are
 * fused, as a hybrid text search fuses its legs, and the answer says so.
 */
public class ComposedSearchService implements SearchByTextAndImageUseCase {

    static final String PARTS_NOTE = "The active model cannot embed a text and an image together, so the image's look-alikes are"
            + " fused with full-text matches of the text (titles, hashtags, descriptions, on-screen text and summaries).";
    private static final List<RanLeg> COMPOSED = List.of(new RanLeg(Leg.VECTOR, RanLeg.Input.TEXT_IMAGE));
    private static final List<RanLeg> PARTS = List.of(new RanLeg(Leg.VECTOR, RanLeg.Input.IMAGE),
            new RanLeg(Leg.FULL_TEXT, RanLeg.Input.TEXT));

    private final VectorSearchPort vectors;
    private final TextSearchPort texts;
    private final QueryVectors queries;
    private final ResultCards cards;
    private final int window;
    private final Transactions transactions;

    public ComposedSearchService(VectorSearchPort vectors, TextSearchPort texts, QueryVectors queries, ResultCards cards, int window,
                                 Transactions transactions) {
        this.vectors = vectors;
        this.texts = texts;
        this.queries = queries;
        this.cards = cards;
        this.window = Searches.window(window);
        this.transactions = transactions;
    }

    @Override
    public SearchResults byTextAndImage(String text, byte[] image, Fusion fusion, SearchOptions options) {
        String query = Require.text("query", text, 1, SearchByTextUseCase.MAX_QUERY_CHARACTERS, true);
        if (image == null || image.length == 0) {
            throw new InvalidValueException("image", "an image is required");
        }
        if (image.length > SearchByMediaUseCase.MAX_IMAGE_BYTES) {
            throw new InvalidValueException("image", "an image may have at most 5 MB, got " + image.length + " bytes");
        }
        Visibility visibility = Searches.visibility(options);
        long fingerprint = SearchCursor.fingerprint("composed|" + fusion.method() + "|" + fusion.alpha(),
                QueryVectors.composedKey(query, image), options);
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint);
        // the model is called before the transaction opens: no database work waits on the network
        Optional<Embedding> composed = queries.textAndImage(query, image);
        Embedding vector = composed.isPresent() ? composed.get() : queries.image(image);
        EmbeddingModel model = queries.model();
        return transactions.inTransaction(() -> {
            List<VectorMatch> clips = Searches.clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model, Scope.CLIP,
                    queries.comparableWith(Modality.IMAGE), vector.vector(), visibility, options.filters(), Optional.empty(),
                    Optional.empty(), window)));
            if (composed.isPresent()) {
                List<SearchHit> hits = ClipGrouping.group(clips, options.groupBy(), Searches.MOMENTS_PER_VIDEO).stream()
                        .map(h -> new SearchHit(h.video(), h.score(), h.modalityScores(), h.moments(), h.snippet(),
                                Map.of(Leg.VECTOR, h.score()))).toList();
                ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
                return cards.results(SearchMode.VECTOR, model, Optional.empty(), Optional.empty(), slice.hits(), slice, fingerprint,
                        COMPOSED);
            }
            TextQuery words = TextQuery.parse(query);
            List<TextMatch> matches = texts.search(words, visibility, options.filters(), window);
            List<SearchHit> videoHits = HybridHits.withTextMoments(texts, words,
                    HybridHits.fuse(ClipGrouping.byVideo(clips, Searches.MOMENTS_PER_VIDEO), matches, fusion),
                    Searches.MOMENTS_PER_VIDEO);
            List<SearchHit> hits = options.groupBy() == GroupBy.CLIP ? HybridHits.perMoment(videoHits) : videoHits;
            ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
            return cards.results(SearchMode.HYBRID, model, Optional.of(PARTS_NOTE), Optional.empty(),
                    HybridHits.withSnippets(texts, words, slice.hits()), slice, fingerprint, PARTS);
        });
    }
}
