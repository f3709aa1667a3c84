package org.milkmobs.application.service.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.in.search.AudioSearch;
import org.milkmobs.application.port.in.search.QueryNotFoundException;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.QueryEmbedder.AudioEmbedding;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.ClipGrouping;
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;

/**
 * Image and audio search: the file's vector (cached by its SHA-256, so a search pages on by that id) against the clips of
 * the modalities it compares with; an audio clip the model embeds asynchronously answers pending until it is ready.
 */
public class MediaSearchService implements SearchByMediaUseCase {

    private static final Duration AUDIO_RETRY_AFTER = Duration.ofSeconds(5);

    private final VectorSearchPort vectors;
    private final QueryVectors queries;
    private final ResultCards cards;
    private final int window;
    private final Transactions transactions;

    public MediaSearchService(VectorSearchPort vectors, QueryVectors queries, ResultCards cards, int window, Transactions transactions) {
        this.vectors = vectors;
        this.queries = queries;
        this.cards = cards;
        this.window = Searches.window(window);
        this.transactions = transactions;
    }

    @Override
    public SearchResults byImage(byte[] image, SearchOptions options) {
        if (image == null || image.length == 0) {
            throw new InvalidValueException("image", "an image is required");
        }
        if (image.length > SearchByMediaUseCase.MAX_IMAGE_BYTES) {
            throw new InvalidValueException("image", "an image may have at most 5 MB, got " + image.length + " bytes");
        }
        String queryId = QueryVectors.sha256(image);
        SearchCursor.decode(options.cursor(), SearchCursor.fingerprint("image", queryId, options));
        Searches.visibility(options);
        return vectorSearch(queries.image(image), Modality.IMAGE, queryId, options);
    }

    @Override
    public SearchResults imageById(String queryId, SearchOptions options) {
        checkQueryId(queryId);
        SearchCursor.decode(options.cursor(), SearchCursor.fingerprint("image", queryId, options));
        Searches.visibility(options);
        Embedding vector = queries.cachedImage(queryId).orElseThrow(() -> new QueryNotFoundException("image", queryId));
        return vectorSearch(vector, Modality.IMAGE, queryId, options);
    }

    @Override
    public AudioSearch byAudio(byte[] audio, SearchOptions options) {
        if (audio == null || audio.length == 0) {
            throw new InvalidValueException("audio", "an audio clip is required");
        }
        if (audio.length > SearchByMediaUseCase.MAX_AUDIO_BYTES) {
            throw new InvalidValueException("audio", "an audio clip may have at most 10 MB, got " + audio.length + " bytes");
        }
        String queryId = QueryVectors.sha256(audio);
        SearchCursor.decode(options.cursor(), SearchCursor.fingerprint("audio", queryId, options));
        Searches.visibility(options);
        return audioSearch(queryId, queries.audio(audio), options);
    }

    @Override
    public AudioSearch resumeAudio(String queryId, SearchOptions options) {
        checkQueryId(queryId);
        SearchCursor.decode(options.cursor(), SearchCursor.fingerprint("audio", queryId, options));
        Searches.visibility(options);
        AudioEmbedding embedding = queries.resumeAudio(queryId).orElseThrow(() -> new QueryNotFoundException("audio", queryId));
        return audioSearch(queryId, embedding, options);
    }

    private AudioSearch audioSearch(String queryId, AudioEmbedding embedding, SearchOptions options) {
        if (embedding instanceof AudioEmbedding.Ready ready) {
            return new AudioSearch.Found(vectorSearch(ready.embedding(), Modality.AUDIO, queryId, options));
        }
        return new AudioSearch.Pending(queryId, AUDIO_RETRY_AFTER);
    }

    private static void checkQueryId(String queryId) {
        if (queryId == null || !queryId.matches("[0-9a-f]{64}")) {
            throw new InvalidValueException("queryId", "a search id is the 64 hex digits this API returned");
        }
    }

    /** Clips nearest to a query vector, grouped per video or not, above the threshold. */
    private SearchResults vectorSearch(Embedding vector, Modality kind, String queryId, SearchOptions options) {
        Visibility visibility = Searches.visibility(options);
        EmbeddingModel model = queries.model();
        long fingerprint = SearchCursor.fingerprint(kind == Modality.AUDIO ? "audio" : "image", queryId, options);
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint);
        return transactions.inTransaction(() -> {
            List<VectorMatch> clips = Searches.clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model, Scope.CLIP,
                    queries.comparableWith(kind), vector.vector(), visibility, options.filters(), Optional.empty(), Optional.empty(),
                    window)));
            ResultWindow.Slice slice = ResultWindow.page(ClipGrouping.group(clips, options.groupBy(), Searches.MOMENTS_PER_VIDEO), after,
                    options.limit());
            return cards.results(SearchMode.VECTOR, model, Optional.empty(), Optional.of(queryId), slice.hits(), slice, fingerprint);
        });
    }
}
