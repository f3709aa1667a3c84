package org.milkmobs.application.service.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.search.NotAnalysedException;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.in.search.SearchSimilarUseCase;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.ClipGrouping;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.ResultWindow;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoId;

/**
 * Look-alikes of a video: the window of its nearest by its fused vector of look and sound (ADR 0036), or by each weighed
 * modality's asset vector where other modalities are weighed (ADR 0034), ranked by the weighted modalities, near-duplicates
 * left out when asked, and decorated with each hit's best-matching clips. It only reads, each read on its own: the source
 * with its vectors and its nearest, and the page's cards with their clips are one round trip each (ADR 0029), and the use
 * case runs in no transaction unless its caller holds one.
 */
public class SimilarSearchService implements SearchSimilarUseCase {

    private final SimilarReadPort reads;
    private final VectorSearchPort vectors;
    private final EmbeddingModel model;
    private final ResultCards cards;
    private final ModalityWeights weights;
    private final int window;
    private final NearDuplicateStore nearDuplicates;
    private final WideningRate widening = new WideningRate();

    /**
     * The nearest candidates (by the fused vector, or by each modality) a page of videos ranks first, before the whole window if
     * it must (ADR 0029, 0034, 0036): below pgvector's ef_search (40), so each index scan ends in its first pass.
     */
    static final int FIRST_WINDOW = 30;

    public SimilarSearchService(SimilarReadPort reads, VectorSearchPort vectors, EmbeddingModel model, ResultCards cards,
                                ModalityWeights weights, int window, NearDuplicateStore nearDuplicates) {
        this.reads = reads;
        this.vectors = vectors;
        this.model = model;
        this.cards = cards;
        this.weights = weights;
        this.window = Searches.window(window);
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public SearchResults similar(VideoId videoId, SearchOptions options, boolean hideNearDuplicates) {
        Visibility visibility = Searches.visibility(options);
        String kind = hideNearDuplicates ? "similar-distinct" : "similar";
        long fingerprint = SearchCursor.fingerprint(kind, videoId.toString(), options);
        Optional<RankKey> after = SearchCursor.decode(options.cursor(), fingerprint);
        ModalityWeights asked = options.weights().orElse(weights);
        // a page of videos first ranks the nearest FIRST_WINDOW (by the fused vector, ADR 0036, or by each modality, ADR
        // 0034), and the whole window only when a video not among them could still rank on the page: the page is the same as
        // the whole window's either way; where most requests lately had to widen, it reads the whole window at once (ADR 0033)
        boolean firstWindowFirst = options.groupBy() == GroupBy.VIDEO && FIRST_WINDOW < window;
        int first = firstWindowFirst && !widening.likely() ? FIRST_WINDOW : window;
        Set<Modality> compared = asked.weights().entrySet().stream().filter(w -> w.getValue() > 0 && w.getKey() != Modality.VISUAL)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        Read read = read(videoId, visibility, options, asked, compared, first);
        Set<Modality> assets = read.source().assets();
        if (!assets.contains(Modality.VISUAL)) {
            throw new NotAnalysedException(videoId, model);
        }
        SimilarCandidates pool = read.candidates();
        List<SearchHit> hits = hits(videoId, pool, asked, options, hideNearDuplicates);
        if (first < window) {
            boolean settles = settled(hits, after, options, pool.bound(asked));
            widening.record(!settles);
            if (!settles) {
                pool = read(videoId, visibility, options, asked, compared, window).candidates();
                hits = hits(videoId, pool, asked, options, hideNearDuplicates);
            }
        } else if (firstWindowFirst && !hideNearDuplicates) {
            // read at once: would the first window (the nearest of the whole one) have settled? (hiding near-duplicates
            // would ask for their pairs again, so those requests leave the rate alone)
            SimilarCandidates nearest = pool.nearest(FIRST_WINDOW);
            widening.record(!settled(hits(videoId, nearest, asked, options, false), after, options, nearest.bound(asked)));
        }
        Set<Modality> modalities = weighted(assets, asked);
        if (options.groupBy() == GroupBy.CLIP) {
            hits = clipsOfSimilar(model, videoId, modalities, hits, options.threshold());
            ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
            return cards.results(SearchMode.VECTOR, model, Optional.empty(), Optional.empty(), slice.hits(), slice, fingerprint);
        }
        // a page of videos: its cards and its best clips in one round trip
        ResultWindow.Slice slice = ResultWindow.page(hits, after, options.limit());
        SimilarReadPort.Page page = reads.page(model, modalities, videoId, slice.hits().stream().map(SearchHit::video).distinct().toList(),
                Searches.MOMENTS_PER_VIDEO);
        Map<VideoId, List<VectorMatch>> clips = byVideo(page.clips());
        List<SearchHit> withMoments = slice.hits().stream()
                .map(h -> h.withMoments(ClipGrouping.moments(clips.getOrDefault(h.video(), List.of()), Searches.MOMENTS_PER_VIDEO)))
                .toList();
        return cards.results(SearchMode.VECTOR, model, withMoments, page.videos(), slice, fingerprint);
    }

    /** The source (with the modalities it has vectors of) and what a read of its nearest {@code k} found. */
    private record Read(SimilarReadPort.Source source, SimilarCandidates candidates) {
    }

    /**
     * The source and its nearest {@code k}, in one round trip: by its fused vector where the modalities weighed alongside the
     * visual one are all in it (one k-NN, ADR 0036), by a leg per modality otherwise (ADR 0034). Refused unseen if the caller
     * may not see the source.
     */
    private Read read(VideoId videoId, Visibility visibility, SearchOptions options, ModalityWeights asked, Set<Modality> compared, int k) {
        if (SimilarReadPort.fuses(asked)) {
            SimilarReadPort.SourceWithFused read = seen(reads.sourceWithFusedNearest(videoId, model, visibility, options.filters(),
                    asked, k), SimilarReadPort.SourceWithFused::source, videoId, options);
            Set<Modality> scored = Stream.concat(Stream.of(Modality.VISUAL), compared.stream().filter(read.source().assets()::contains))
                    .collect(Collectors.toUnmodifiableSet());
            return new Read(read.source(), new FusedCandidates(read.nearest(), scored, k));
        }
        SimilarReadPort.SourceWithNearest read = seen(reads.sourceWithNearest(videoId, model, visibility, options.filters(),
                compared, k), SimilarReadPort.SourceWithNearest::source, videoId, options);
        return new Read(read.source(), new LegCandidates(read.nearest(), k));
    }

    /** The read, where there is such a source and the caller may see it. */
    private static <T> T seen(Optional<T> read, Function<T, SimilarReadPort.Source> source, VideoId videoId, SearchOptions options) {
        return read.filter(r -> source.apply(r).video().isVisibleTo(options.caller()))
                .orElseThrow(() -> new VideoNotFoundException(videoId));
    }

    /** The candidates scored by the weighted modalities, below the threshold left out, near-duplicates too when asked. */
    private List<SearchHit> hits(VideoId source, SimilarCandidates pool, ModalityWeights asked, SearchOptions options,
                                 boolean hideNearDuplicates) {
        List<SearchHit> hits = new ArrayList<>();
        pool.scores().forEach((video, scores) -> {
            double score = asked.combine(scores);
            if (score >= options.threshold()) {
                hits.add(new SearchHit(video, score, scores, List.of(), Optional.empty()));
            }
        });
        return hideNearDuplicates ? withoutNearDuplicates(source, hits) : hits;
    }

    /**
     * Whether the pool's page is the whole window's: no candidate beyond it can pass the threshold, or the hit after the
     * page (which says whether there is a next one) scores above anything beyond, so nothing beyond can come before it.
     */
    private static boolean settled(List<SearchHit> hits, Optional<RankKey> after, SearchOptions options, double bound) {
        if (bound < options.threshold()) {
            return true;
        }
        List<SearchHit> ranked = hits.stream().sorted(SearchHit.RANKING)
                .filter(hit -> after.isEmpty() || hit.key().compareTo(after.get()) > 0).toList();
        return ranked.size() > options.limit() && ranked.get(options.limit()).score() > bound;
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

    /** Look-alikes as clips: each candidate's best-matching clips, each scored by its clip pair. */
    private List<SearchHit> clipsOfSimilar(EmbeddingModel model, VideoId source, Set<Modality> modalities, List<SearchHit> videoHits,
                                           double threshold) {
        List<VectorMatch> clips = bestClips(model, source, modalities, videoHits.stream().map(SearchHit::video).toList()).values().stream()
                .flatMap(List::stream).toList();
        return ClipGrouping.byClip(Searches.clipsAbove(threshold, clips));
    }

    private Map<VideoId, List<VectorMatch>> bestClips(EmbeddingModel model, VideoId source, Set<Modality> modalities, List<VideoId> videos) {
        return byVideo(vectors.bestClipMatches(model, modalities, source, videos, Searches.MOMENTS_PER_VIDEO));
    }

    /** Clip matches by video, each video's best first. */
    private static Map<VideoId, List<VectorMatch>> byVideo(List<VectorMatch> matches) {
        Map<VideoId, List<VectorMatch>> clips = new LinkedHashMap<>();
        matches.forEach(m -> clips.computeIfAbsent(m.video(), v -> new ArrayList<>()).add(m));
        clips.values().forEach(list -> list.sort(Comparator.comparingDouble(VectorMatch::cosine).reversed()
                .thenComparingDouble(m -> m.segment().startSeconds())));
        return clips;
    }

    private static Set<Modality> weighted(Set<Modality> modalities, ModalityWeights weights) {
        return modalities.stream().filter(m -> weights.weights().getOrDefault(m, 0.0) > 0).collect(Collectors.toUnmodifiableSet());
    }
}
