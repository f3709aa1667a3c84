package org.milkmobs.application.service.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.search.QueryNotFoundException;
import org.milkmobs.application.port.in.search.NotAnalysedException;
import org.milkmobs.application.port.in.search.SearchVideosUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.QueryEmbedder.AudioEmbedding;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.TextSearchPort;
import org.milkmobs.application.port.out.search.TextSearchPort.TextMatch;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort.AssetMatch;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.Require;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.ClipGrouping;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.ReciprocalRankFusion;
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.search.TextQuery;
import org.milkmobs.domain.search.Snippet;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The searches. Each ranks a window of at most {@code window} candidates (the nearest vectors, the best
 * full-text matches) and pages through it by keyset; a query vector is made outside the database
 * transaction, the window is read inside one.
 */
public class SearchService implements SearchVideosUseCase {

    static final int MOMENTS_PER_VIDEO = 3;
    static final String ASKED_FULL_TEXT_NOTE = "Full-text search over titles, descriptions, hashtags and on-screen text, as asked.";
    static final String FULL_TEXT_NOTE = "The active model cannot embed text, so these results come from full-text search over"
            + " titles, hashtags, descriptions, on-screen text and summaries.";
    static final String BUDGET_NOTE = "The model budget has no room for embedding this query now, so these results come from"
            + " full-text search over titles, hashtags, descriptions, on-screen text and summaries.";
    static final String UNAVAILABLE_NOTE = "The embedding model is unavailable now, so these results come from full-text search"
            + " over titles, hashtags, descriptions, on-screen text and summaries.";
    private static final Duration AUDIO_RETRY_AFTER = Duration.ofSeconds(5);

    private final LoadVideoPort videos;
    private final EmbeddingStore embeddings;
    private final VectorSearchPort vectors;
    private final TextSearchPort texts;
    private final QueryVectors queries;
    private final ResultCards cards;
    private final ModalityWeights weights;
    private final int window;
    private final Transactions transactions;
    private final NearDuplicateStore nearDuplicates;

    public SearchService(LoadVideoPort videos, EmbeddingStore embeddings, VectorSearchPort vectors, TextSearchPort texts,
                         QueryVectors queries, ResultCards cards, ModalityWeights weights, int window, Transactions transactions,
                         NearDuplicateStore nearDuplicates) {
        if (window < MAX_LIMIT) {
            throw new IllegalArgumentException("the result window must hold at least a full page (" + MAX_LIMIT + ")");
        }
        this.videos = videos;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.texts = texts;
        this.queries = queries;
        this.cards = cards;
        this.weights = weights;
        this.window = window;
        this.transactions = transactions;
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public SearchResults similar(VideoId videoId, SearchOptions options, boolean hideNearDuplicates) {
        Visibility visibility = visibility(options);
        EmbeddingModel model = queries.model();
        String kind = hideNearDuplicates ? "similar-distinct" : "similar";
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint(kind, videoId.toString(), options));
        return transactions.inTransaction(() -> {
            Video source = videos.loadVideo(videoId).filter(v -> v.isVisibleTo(options.caller()))
                    .orElseThrow(() -> new VideoNotFoundException(videoId));
            Map<Modality, float[]> assets = new EnumMap<>(Modality.class);
            embeddings.findEmbeddings(videoId, model).stream().filter(e -> e.scope() == Scope.ASSET)
                    .forEach(e -> assets.put(e.modality(), e.vector()));
            if (!assets.containsKey(Modality.VISUAL)) {
                throw new NotAnalysedException(videoId, model);
            }
            ModalityWeights asked = options.weights().orElse(weights);
            Map<Modality, float[]> alongside = weighted(assets, asked);
            alongside.remove(Modality.VISUAL);
            List<AssetMatch> pool = vectors.nearestAssets(new NearestQuery(model, Scope.ASSET, Set.of(Modality.VISUAL),
                    assets.get(Modality.VISUAL), visibility, options.filters(), Optional.of(videoId), source.media().map(m -> m.contentHash()),
                    window), alongside);
            List<SearchHit> hits = new ArrayList<>();
            for (AssetMatch candidate : pool) {
                Map<Modality, Double> scores = new EnumMap<>(Modality.class);
                scores.put(Modality.VISUAL, candidate.match().score());
                candidate.cosines().forEach((modality, cosine) -> scores.put(modality, SearchHit.scoreOf(cosine)));
                double score = asked.combine(scores);
                if (score >= options.threshold()) {
                    hits.add(new SearchHit(candidate.match().video(), score, scores, List.of(), Optional.empty()));
                }
            }
            if (hideNearDuplicates) {
                hits = withoutNearDuplicates(videoId, hits);
            }
            if (options.groupBy() == GroupBy.CLIP) {
                hits = clipsOfSimilar(model, videoId, weighted(assets.keySet(), asked), hits, options.threshold());
            }
            ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
            List<SearchHit> page = options.groupBy() == GroupBy.VIDEO ? withSimilarMoments(model, videoId, weighted(assets.keySet(), asked),
                    slice.hits())
                    : slice.hits();
            return cards.results(SearchMode.VECTOR, model, Optional.empty(), Optional.empty(), page, slice,
                    fingerprint(kind, videoId.toString(), options));
        });
    }

    @Override
    public SearchResults byText(String text, Optional<SearchMode> requested, Fusion fusion, SearchOptions options) {
        String query = Require.text("query", text, 1, MAX_QUERY_CHARACTERS, true);
        Visibility visibility = visibility(options);
        String kind = requested.map(m -> "text-" + m.name()).orElse("text") + "|" + fusion.method() + "|" + fusion.alpha();
        long fingerprint = fingerprint(kind, QueryVectors.normalise(query), options);
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
                videoHits = ClipGrouping.byVideo(clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model,
                        Scope.CLIP, queries.comparableWith(Modality.TEXT), queryVector.get().vector(), visibility, options.filters(),
                        Optional.empty(), Optional.empty(), window))), MOMENTS_PER_VIDEO);
            } else if (queryVector.isPresent()) {
                mode = SearchMode.HYBRID;
                List<SearchHit> vectorHits = ClipGrouping.byVideo(clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model,
                        Scope.CLIP, queries.comparableWith(Modality.TEXT), queryVector.get().vector(), visibility, options.filters(),
                        Optional.empty(), Optional.empty(), window))), MOMENTS_PER_VIDEO);
                videoHits = HybridHits.fuse(vectorHits, textMatches, fusion);
            } else {
                mode = SearchMode.FULL_TEXT;
                videoHits = textMatches.stream().map(m -> new SearchHit(m.video(), m.rank(), Map.of(), List.of(), Optional.empty(),
                        Map.of(Leg.FULL_TEXT, m.rank()))).toList();
            }
            videoHits = HybridHits.withTextMoments(texts, words, videoHits, MOMENTS_PER_VIDEO);
            List<SearchHit> hits = options.groupBy() == GroupBy.CLIP ? HybridHits.perMoment(videoHits) : videoHits;
            ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
            List<SearchHit> page = HybridHits.withSnippets(texts, words, slice.hits());
            return cards.results(mode, model, mode == SearchMode.FULL_TEXT ? Optional.of(fullTextNote) : Optional.empty(), Optional.empty(),
                    page, slice, fingerprint);
        });
    }

    @Override
    public SearchResults byImage(byte[] image, SearchOptions options) {
        if (image == null || image.length == 0) {
            throw new InvalidValueException("image", "an image is required");
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw new InvalidValueException("image", "an image may have at most 5 MB, got " + image.length + " bytes");
        }
        String queryId = QueryVectors.sha256(image);
        SearchCursor.decode(options.cursor(), fingerprint("image", queryId, options));
        visibility(options);
        return vectorSearch(queries.image(image), Modality.IMAGE, queryId, options);
    }

    @Override
    public SearchResults imageById(String queryId, SearchOptions options) {
        checkQueryId(queryId);
        SearchCursor.decode(options.cursor(), fingerprint("image", queryId, options));
        visibility(options);
        Embedding vector = queries.cachedImage(queryId).orElseThrow(() -> new QueryNotFoundException("image", queryId));
        return vectorSearch(vector, Modality.IMAGE, queryId, options);
    }

    @Override
    public AudioSearch byAudio(byte[] audio, SearchOptions options) {
        if (audio == null || audio.length == 0) {
            throw new InvalidValueException("audio", "an audio clip is required");
        }
        if (audio.length > MAX_AUDIO_BYTES) {
            throw new InvalidValueException("audio", "an audio clip may have at most 10 MB, got " + audio.length + " bytes");
        }
        String queryId = QueryVectors.sha256(audio);
        SearchCursor.decode(options.cursor(), fingerprint("audio", queryId, options));
        visibility(options);
        return audioSearch(queryId, queries.audio(audio), options);
    }

    @Override
    public AudioSearch resumeAudio(String queryId, SearchOptions options) {
        checkQueryId(queryId);
        SearchCursor.decode(options.cursor(), fingerprint("audio", queryId, options));
        visibility(options);
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
        Visibility visibility = visibility(options);
        EmbeddingModel model = queries.model();
        long fingerprint = fingerprint(kind == Modality.AUDIO ? "audio" : "image", queryId, options);
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint);
        return transactions.inTransaction(() -> {
            List<VectorMatch> clips = clipsAbove(options.threshold(), vectors.nearest(new NearestQuery(model, Scope.CLIP,
                    queries.comparableWith(kind), vector.vector(), visibility, options.filters(), Optional.empty(), Optional.empty(),
                    window)));
            ResultWindow.Slice slice = ResultWindow.page(ClipGrouping.group(clips, options.groupBy(), MOMENTS_PER_VIDEO), after,
                    options.limit());
            return cards.results(SearchMode.VECTOR, model, Optional.empty(), Optional.of(queryId), slice.hits(), slice, fingerprint);
        });
    }

    /**
     * The hits in rank order, each dropped when it is a near-duplicate of the source or of a hit ranked above it that
     * stayed: over the whole window, so every page agrees.
     */
    private List<SearchHit> withoutNearDuplicates(VideoId source, List<SearchHit> hits) {
        List<SearchHit> ranked = hits.stream().sorted(SearchHit.RANKING).toList();
        List<VideoId> involved = new ArrayList<>(ranked.stream().map(SearchHit::video).toList());
        involved.add(source);
        Map<VideoId, Set<VideoId>> partners = new java.util.HashMap<>();
        nearDuplicates.pairsInvolving(involved).forEach(pair -> {
            partners.computeIfAbsent(pair.copy(), v -> new java.util.HashSet<>()).add(pair.original());
            partners.computeIfAbsent(pair.original(), v -> new java.util.HashSet<>()).add(pair.copy());
        });
        Set<VideoId> shown = new java.util.HashSet<>(List.of(source));
        List<SearchHit> kept = new ArrayList<>();
        for (SearchHit hit : ranked) {
            Set<VideoId> its = partners.getOrDefault(hit.video(), Set.of());
            if (its.stream().noneMatch(shown::contains)) {
                kept.add(hit);
                shown.add(hit.video());
            }
        }
        return kept;
    }

    private List<SearchHit> withSimilarMoments(EmbeddingModel model, VideoId source, Set<Modality> modalities, List<SearchHit> page) {
        Map<VideoId, List<VectorMatch>> clips = bestClips(model, source, modalities, page.stream().map(SearchHit::video).toList());
        return page.stream().map(h -> h.withMoments(ClipGrouping.moments(clips.getOrDefault(h.video(), List.of()), MOMENTS_PER_VIDEO)))
                .toList();
    }

    /** Look-alikes as clips: each candidate's best-matching clips, each scored by its clip pair. */
    private List<SearchHit> clipsOfSimilar(EmbeddingModel model, VideoId source, Set<Modality> modalities, List<SearchHit> videoHits,
                                           double threshold) {
        List<VectorMatch> clips = bestClips(model, source, modalities, videoHits.stream().map(SearchHit::video).toList()).values().stream()
                .flatMap(List::stream).toList();
        return ClipGrouping.byClip(clipsAbove(threshold, clips));
    }

    private Map<VideoId, List<VectorMatch>> bestClips(EmbeddingModel model, VideoId source, Set<Modality> modalities, List<VideoId> videos) {
        Map<VideoId, List<VectorMatch>> clips = new LinkedHashMap<>();
        vectors.bestClipMatches(model, modalities, source, videos, MOMENTS_PER_VIDEO)
                .forEach(m -> clips.computeIfAbsent(m.video(), v -> new ArrayList<>()).add(m));
        clips.values().forEach(list -> list.sort(Comparator.comparingDouble(VectorMatch::cosine).reversed()
                .thenComparingDouble(m -> m.segment().startSeconds())));
        return clips;
    }

    static List<VectorMatch> clipsAbove(double threshold, List<VectorMatch> matches) {
        return matches.stream().filter(m -> m.score() >= threshold).toList();
    }

    /** The asset vectors of the modalities that count for similarity (weight above zero). */
    private static Map<Modality, float[]> weighted(Map<Modality, float[]> assets, ModalityWeights weights) {
        Map<Modality, float[]> weighted = new EnumMap<>(Modality.class);
        assets.forEach((modality, vector) -> {
            if (weights.weights().getOrDefault(modality, 0.0) > 0) {
                weighted.put(modality, vector);
            }
        });
        return weighted;
    }

    private static Set<Modality> weighted(Set<Modality> modalities, ModalityWeights weights) {
        return modalities.stream().filter(m -> weights.weights().getOrDefault(m, 0.0) > 0).collect(Collectors.toUnmodifiableSet());
    }

    static Visibility visibility(SearchOptions options) {
        if (!options.caller().admin() && !options.filters().statuses().isEmpty()) {
            throw new ForbiddenException("only admins filter by status; everyone else finds validated videos and their own");
        }
        return Visibility.of(options.caller());
    }

    /**
     * Identifies a search for its cursors: what is searched, how, and for whom. Built from a canonical text
     * (sorted sets), so it is the same on every instance and after restarts.
     */
    static long fingerprint(String kind, String query, SearchOptions options) {
        SearchFilters f = options.filters();
        String canonical = String.join("\n", kind, query, Double.toString(options.threshold()), options.groupBy().name(),
                Visibility.of(options.caller()).toString(), f.mob().map(Object::toString).orElse(""), f.owner().map(o -> o.value()).orElse(""),
                String.join(",", f.hashtags().values().stream().sorted().toList()), f.createdFrom().map(Object::toString).orElse(""),
                f.createdTo().map(Object::toString).orElse(""), f.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                options.weights().map(w -> new java.util.TreeMap<>(w.weights()).toString()).orElse(""));
        return Long.parseUnsignedLong(QueryVectors.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16), 16);
    }
}
