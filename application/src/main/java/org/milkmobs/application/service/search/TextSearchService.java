package org.milkmobs.application.service.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.in.search.SearchByTextUseCase;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
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
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.Visibility;

/**
 * Text search: the text's vector nearest clips fused with its full-text matches, or either alone as asked or as the model
 * and the budget allow, with a note whenever the answer is full text only.
 */
public class TextSearchService implements SearchByTextUseCase {

    static final String ASKED_FULL_TEXT_NOTE = "Full-text search over titles, descriptions, hashtags and on-screen text, as asked.";
    static final String FULL_TEXT_NOTE = "The active model cannot embed text, so these results come from full-text search over"
            + " titles, hashtags, descriptions, on-screen text and summaries.";
    static final String BUDGET_NOTE = "The model budget has no room for embedding this query now, so these results come from"
            + " full-text search over titles, hashtags, descriptions, on-screen text and summaries.";
    static final String UNAVAILABLE_NOTE = "The embedding model is unavailable now, so these results come from full-text search"
            + " over titles, hashtags, descriptions, on-screen text and summaries.";

    private final VectorSearchPort vectors;
    private final TextSearchPort texts;
    private final QueryVectors queries;
    private final ResultCards cards;
    private final int window;
    private final Transactions transactions;

    public TextSearchService(VectorSearchPort vectors, TextSearchPort texts, QueryVectors queries, ResultCards cards, int window,
                             Transactions transactions) {
        this.vectors = vectors;
        this.texts = texts;
        this.queries = queries;
        this.cards = cards;
        this.window = Searches.window(window);
        this.transactions = transactions;
    }

    @Override
    public SearchResults byText(String text, Optional<SearchMode> requested, Fusion fusion, SearchOptions options) {
        String query = Require.text("query", text, 1, SearchByTextUseCase.MAX_QUERY_CHARACTERS, true);
        Visibility visibility = Searches.visibility(options);
        String kind = requested.map(m -> "text-" + m.name()).orElse("text") + "|" + fusion.method() + "|" + fusion.alpha();
        long fingerprint = SearchCursor.fingerprint(kind, QueryVectors.normalise(query), options);
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint);
        Optional<Embedding> vector = Optional.empty();
        Optional<String> note = Optional.empty();
        boolean vectorOnly = requested.filter(m -> m == SearchMode.VECTOR).isPresent();
        if (vectorOnly) {
            // asked for meaning alone: a budget or model refusal is the answer, not a silent switch to full text
            vector = Optional.of(queries.text(query).orElseThrow(() -> new InvalidValueException("mode",
                    "mode VECTOR needs a model that embeds text; the active model (" + queries.model().id() + ") does not: use FULL_TEXT")));
        } else if (requested.filter(m -> m == SearchMode.FULL_TEXT).isEmpty()) {
            try {
                vector = queries.text(query);
            } catch (BudgetExhaustedException e) {
                note = Optional.of(BUDGET_NOTE);
            } catch (AnalysisFailedException e) {
                note = Optional.of(UNAVAILABLE_NOTE);
            }
        } else {
            note = Optional.of(ASKED_FULL_TEXT_NOTE);
        }
        Optional<Embedding> queryVector = vector;
        String fullTextNote = note.orElse(FULL_TEXT_NOTE);
        EmbeddingModel model = queries.model();
        TextQuery words = TextQuery.parse(query);
        return transactions.inTransaction(() -> {
            List<TextMatch> textMatches = vectorOnly ? List.of() : texts.search(words, visibility, options.filters(), window);
            List<SearchHit> videoHits;
            SearchMode mode;
            if (vectorOnly) {
                mode = SearchMode.VECTOR;
                videoHits = ClipGrouping.byVideo(Searches.clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model,
                        Scope.CLIP, queries.comparableWith(Modality.TEXT), queryVector.get().vector(), visibility, options.filters(),
                        Optional.empty(), Optional.empty(), window))), Searches.MOMENTS_PER_VIDEO);
            } else if (queryVector.isPresent()) {
                mode = SearchMode.HYBRID;
                List<SearchHit> vectorHits = ClipGrouping.byVideo(Searches.clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model,
                        Scope.CLIP, queries.comparableWith(Modality.TEXT), queryVector.get().vector(), visibility, options.filters(),
                        Optional.empty(), Optional.empty(), window))), Searches.MOMENTS_PER_VIDEO);
                videoHits = HybridHits.fuse(vectorHits, textMatches, fusion);
            } else {
                mode = SearchMode.FULL_TEXT;
                videoHits = textMatches.stream().map(m -> new SearchHit(m.video(), m.rank(), Map.of(), List.of(), Optional.empty(),
                        Map.of(Leg.FULL_TEXT, m.rank()))).toList();
            }
            videoHits = HybridHits.withTextMoments(texts, words, videoHits, Searches.MOMENTS_PER_VIDEO);
            List<SearchHit> hits = options.groupBy() == GroupBy.CLIP ? HybridHits.perMoment(videoHits) : videoHits;
            ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
            List<SearchHit> page = HybridHits.withSnippets(texts, words, slice.hits());
            return cards.results(mode, model, mode == SearchMode.FULL_TEXT ? Optional.of(fullTextNote) : Optional.empty(), Optional.empty(),
                    page, slice, fingerprint);
        });
    }
}
