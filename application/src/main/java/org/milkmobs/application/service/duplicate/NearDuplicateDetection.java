package org.milkmobs.application.service.duplicate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.NearDuplicates;
import org.milkmobs.domain.video.NearDuplicates.Footage;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Finds a freshly analysed video's near-duplicates (ADR 0026): the videos nearest by visual asset vector are the
 * candidates, and the domain rule compares clip sequences and durations. A candidate whose length rules it out is
 * skipped before its footage is read, so a wide window (a trend's look-alikes crowd the nearest) stays cheap. Exact copies (same bytes) are the identical
 * tier and are neither candidates nor checked: their vectors are the original's. Videos that have a picture fingerprint
 * (the local analyzer's, ADR 0030) are compared frame by frame as well.
 */
public class NearDuplicateDetection {

    private final ListVideosPort videos;
    private final EmbeddingStore embeddings;
    private final VectorSearchPort vectors;
    private final NearDuplicateStore pairs;
    private final FingerprintStore fingerprints;
    private final EmbeddingModel model;
    private final NearDuplicates rule;
    private final int candidates;

    public NearDuplicateDetection(ListVideosPort videos, EmbeddingStore embeddings, VectorSearchPort vectors, NearDuplicateStore pairs,
                                  FingerprintStore fingerprints, EmbeddingModel model, NearDuplicates rule, int candidates) {
        if (candidates < 1) {
            throw new IllegalArgumentException("at least one candidate is compared");
        }
        this.videos = videos;
        this.embeddings = embeddings;
        this.vectors = vectors;
        this.pairs = pairs;
        this.fingerprints = fingerprints;
        this.model = model;
        this.rule = rule;
        this.candidates = candidates;
    }

    /** Compares the video with its nearest candidates and records every near-duplicate pair; returns them. */
    public List<NearDuplicatePair> detect(Video video, Instant now) {
        if (video.duplicateOf().isPresent() || video.media().isEmpty()) {
            return List.of();
        }
        List<Embedding> own = embeddings.findEmbeddings(video.id(), model);
        Optional<float[]> asset = own.stream().filter(e -> e.scope() == Scope.ASSET && e.modality() == Modality.VISUAL)
                .map(Embedding::vector).findFirst();
        if (asset.isEmpty()) {
            return List.of();
        }
        List<VideoId> nearest = vectors.nearest(new NearestQuery(model, Scope.ASSET, Set.of(Modality.VISUAL), asset.get(),
                Visibility.everything(), SearchFilters.NONE, Optional.of(video.id()), Optional.of(video.media().get().contentHash()),
                candidates)).stream().map(VectorMatch::video).distinct().toList();
        Map<VideoId, Video> candidateVideos = videos.findVideos(nearest).stream()
                .collect(Collectors.toMap(Video::id, Function.identity()));
        Footage footage = footage(video, own);
        List<NearDuplicatePair> found = new ArrayList<>();
        double seconds = footage.durationSeconds();
        for (VideoId candidate : nearest) {
            Video other = candidateVideos.get(candidate);
            if (other == null || other.media().isEmpty() || !rule.durationsClose(seconds, other.media().get().durationSeconds())) {
                continue;
            }
            NearDuplicates.Comparison comparison = rule.compare(footage, footage(other, embeddings.findEmbeddings(candidate, model)));
            if (comparison.nearDuplicate()) {
                NearDuplicatePair pair = NearDuplicatePair.of(video.id(), candidate, comparison, now);
                pairs.save(pair);
                found.add(pair);
            }
        }
        return List.copyOf(found);
    }

    private Footage footage(Video video, List<Embedding> embeddings) {
        List<float[]> clips = embeddings.stream().filter(e -> e.scope() == Scope.CLIP && e.modality() == Modality.VISUAL)
                .sorted(Comparator.comparingDouble(e -> e.segment().startSeconds())).map(Embedding::vector).toList();
        return new Footage(video.media().orElseThrow().durationSeconds(), clips, fingerprints.findFingerprint(video.id()));
    }
}
