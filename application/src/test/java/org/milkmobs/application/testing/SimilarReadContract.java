package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.port.out.search.SimilarReadPort.Page;
import org.milkmobs.application.port.out.search.SimilarReadPort.Source;
import org.milkmobs.application.port.out.search.SimilarReadPort.SourceWithNearest;
import org.milkmobs.application.port.out.search.SimilarReadPort.AssetMatch;
import org.milkmobs.application.port.out.search.SimilarReadPort.FusedMatch;
import org.milkmobs.application.port.out.search.SimilarReadPort.SourceWithFused;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * What the reads of a similar-videos request do (ADR 0029); run on the twin and on PostgreSQL, where each is one round trip:
 * the source video with the modalities of its asset vectors and its nearest candidates by each, and a page's cards with their best-matching clips.
 */
public abstract class SimilarReadContract extends ContractSuite {

    protected static final EmbeddingModel MODEL = new EmbeddingModel("local-perceptual-v1", 128);
    private static final EmbeddingModel OTHER = new EmbeddingModel("twelvelabs.marengo-embed-3-0-v1:0", 512);
    /** Another model of the same size: its vectors must never meet the model's, not even in the cosines. */
    private static final EmbeddingModel SAME_SIZE = new EmbeddingModel("other-perceptual-v1", 128);

    protected abstract SimilarReadPort reader();

    protected abstract SaveVideoPort videos();

    protected abstract EmbeddingStore embeddings();

    private final Random random = new Random(11);

    private float[] unitVector(int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }

    private Video newVideo() {
        return newVideo("owner");
    }

    private Video newVideo(String owner) {
        return inTransaction(() -> videos().saveVideo(TestVideos.submitted(owner)));
    }

    private void embed(VideoId video, EmbeddingModel model, List<Embedding> set) {
        inTransaction(() -> {
            embeddings().replaceEmbeddings(video, model, set);
            return null;
        });
    }

    /** A visual and an audio asset vector and two clips of each modality. */
    private List<Embedding> analysed(EmbeddingModel model) {
        int d = model.dimension();
        return List.of(
                new Embedding(model, Modality.VISUAL, Scope.ASSET, new Segment(0, 8), unitVector(d)),
                new Embedding(model, Modality.AUDIO, Scope.ASSET, new Segment(0, 8), unitVector(d)),
                new Embedding(model, Modality.VISUAL, Scope.CLIP, new Segment(0, 4), unitVector(d)),
                new Embedding(model, Modality.VISUAL, Scope.CLIP, new Segment(4, 8), unitVector(d)),
                new Embedding(model, Modality.AUDIO, Scope.CLIP, new Segment(0, 4), unitVector(d)),
                new Embedding(model, Modality.AUDIO, Scope.CLIP, new Segment(4, 8), unitVector(d)));
    }

    private Optional<Source> source(VideoId video) {
        return inTransaction(() -> reader().sourceWithNearest(video, MODEL, Visibility.everything(), SearchFilters.NONE,
                Set.of(Modality.AUDIO), 10)).map(SourceWithNearest::source);
    }

    @Test
    void theSourceComesWithItsAssetVectorsOfTheModelOnly() {
        Video video = newVideo();
        List<Embedding> set = analysed(MODEL);
        embed(video.id(), MODEL, set);
        embed(video.id(), OTHER, analysed(OTHER));

        Source source = source(video.id()).orElseThrow();

        assertThat(source.video().snapshot()).isEqualTo(video.snapshot());
        assertThat(source.assets()).containsExactlyInAnyOrder(Modality.VISUAL, Modality.AUDIO);
    }

    @Test
    void aSourceNotAnalysedYetHasNoAssetVectorsAndAnUnknownOneIsNoSource() {
        Video bare = newVideo();
        Video clipsOnly = newVideo();
        embed(clipsOnly.id(), MODEL, analysed(MODEL).stream().filter(e -> e.scope() == Scope.CLIP).toList());

        assertThat(source(bare.id()).orElseThrow().assets()).isEmpty();
        assertThat(source(clipsOnly.id()).orElseThrow().assets()).isEmpty();
        assertThat(source(VideoId.generate())).isEmpty();
    }

    @Test
    void theNearestByEachModalityAreTheOtherVideosWithTheirOtherCosinesAndNeverTheSourceOrItsExactBytes() {
        Video source = newVideo();
        embed(source.id(), MODEL, analysed(MODEL));
        Map<Modality, float[]> sourceAssets = assets(source.id());
        List<VideoId> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Video other = newVideo();
            embed(other.id(), MODEL, analysed(MODEL));
            others.add(other.id());
        }
        Video visualOnly = newVideo();
        embed(visualOnly.id(), MODEL, analysed(MODEL).stream().filter(e -> e.modality() == Modality.VISUAL).toList());
        others.add(visualOnly.id());
        Video theirs = inTransaction(() -> videos().saveVideo(TestVideos.submitted("someone-else")));
        embed(theirs.id(), MODEL, analysed(MODEL));
        // the source's own vectors under another model of the same size: perfect matches, were models ever mixed
        List<Embedding> sourceAsOther = inTransaction(() -> embeddings().findEmbeddings(source.id(), MODEL)).stream()
                .map(e -> new Embedding(SAME_SIZE, e.modality(), e.scope(), e.segment(), e.vector())).toList();
        embed(others.get(0), SAME_SIZE, sourceAsOther);

        Map<Modality, List<AssetMatch>> nearest = inTransaction(() -> reader().sourceWithNearest(source.id(), MODEL,
                Visibility.of(Caller.consumer(new UserId("owner"))), SearchFilters.NONE, Set.of(Modality.AUDIO), 10)).orElseThrow().nearest();

        assertThat(nearest).containsOnlyKeys(Modality.VISUAL, Modality.AUDIO);
        assertThat(nearest.get(Modality.VISUAL)).as("the owner's own videos; not the source, nor another user's video not yet validated")
                .extracting(m -> m.match().video()).containsExactlyInAnyOrderElementsOf(others);
        assertThat(nearest.get(Modality.AUDIO)).as("by sound: those with an audio asset vector")
                .extracting(m -> m.match().video()).containsExactlyInAnyOrderElementsOf(others.subList(0, 4));
        for (Modality leg : List.of(Modality.VISUAL, Modality.AUDIO)) {
            Modality other = leg == Modality.VISUAL ? Modality.AUDIO : Modality.VISUAL;
            assertThat(nearest.get(leg)).extracting(m -> m.match().cosine()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            for (AssetMatch match : nearest.get(leg)) {
                Map<Modality, float[]> its = assets(match.match().video());
                assertThat(match.match().modality()).isEqualTo(leg);
                assertThat(match.match().cosine()).isCloseTo(Vectors.cosine(its.get(leg), sourceAssets.get(leg)), within(1e-3));
                if (its.containsKey(other)) {
                    assertThat(match.cosines()).containsOnlyKeys(other);
                    assertThat(match.cosines().get(other)).isCloseTo(Vectors.cosine(its.get(other), sourceAssets.get(other)), within(1e-3));
                } else {
                    assertThat(match.cosines()).as("no audio asset vector, no audio cosine").isEmpty();
                }
            }
        }
        // a video scores the same whichever leg found it
        for (AssetMatch byLook : nearest.get(Modality.VISUAL)) {
            nearest.get(Modality.AUDIO).stream().filter(bySound -> bySound.match().video().equals(byLook.match().video())).forEach(bySound -> {
                assertThat(bySound.cosines().get(Modality.VISUAL)).isEqualTo(byLook.match().cosine());
                assertThat(bySound.match().cosine()).isEqualTo(byLook.cosines().get(Modality.AUDIO));
            });
        }
        Map<Modality, List<AssetMatch>> lookOnly = inTransaction(() -> reader().sourceWithNearest(source.id(), MODEL, Visibility.everything(),
                SearchFilters.NONE, Set.of(), 2)).orElseThrow().nearest();
        assertThat(lookOnly).as("by look only where nothing else is compared").containsOnlyKeys(Modality.VISUAL);
        assertThat(lookOnly.get(Modality.VISUAL)).as("k nearest, no cosines asked").hasSize(2).allSatisfy(m -> assertThat(m.cosines()).isEmpty());

        // a re-upload of the source's exact bytes is never among its look-alikes; a video with other bytes is
        Video uploaded = uploadedVideo();
        embed(uploaded.id(), MODEL, analysed(MODEL));
        Video sameBytes = uploadedVideo();
        embed(sameBytes.id(), MODEL, analysed(MODEL));
        assertThat(inTransaction(() -> reader().sourceWithNearest(uploaded.id(), MODEL, Visibility.everything(), SearchFilters.NONE,
                Set.of(), 20)).orElseThrow().nearest().get(Modality.VISUAL)).extracting(m -> m.match().video()).doesNotContain(uploaded.id(), sameBytes.id())
                .contains(source.id());
        assertThat(inTransaction(() -> reader().sourceWithNearest(source.id(), MODEL, Visibility.everything(), SearchFilters.NONE,
                Set.of(), 20)).orElseThrow().nearest().get(Modality.VISUAL)).as("a source with no bytes yet leaves no one out for them")
                .extracting(m -> m.match().video()).contains(uploaded.id(), sameBytes.id());
    }

    @Test
    void aSourceWithNoVisualAssetVectorHasNoNearest() {
        Video bare = newVideo();
        Video other = newVideo();
        embed(other.id(), MODEL, analysed(MODEL));

        assertThat(inTransaction(() -> reader().sourceWithNearest(bare.id(), MODEL, Visibility.everything(), SearchFilters.NONE,
                Set.of(Modality.AUDIO), 10)).orElseThrow().nearest()).isEmpty();
    }

    @Test
    void aSourceWithoutAVectorOfAModalityComparedHasNoLegOfIt() {
        // another owner's, so that the other cases' owner does not see them
        Video silent = inTransaction(() -> videos().saveVideo(TestVideos.submitted("silent-owner")));
        embed(silent.id(), MODEL, analysed(MODEL).stream().filter(e -> e.modality() == Modality.VISUAL).toList());
        Video other = inTransaction(() -> videos().saveVideo(TestVideos.submitted("silent-owner")));
        embed(other.id(), MODEL, analysed(MODEL));

        Map<Modality, List<AssetMatch>> nearest = inTransaction(() -> reader().sourceWithNearest(silent.id(), MODEL, Visibility.everything(),
                SearchFilters.NONE, Set.of(Modality.AUDIO), 10)).orElseThrow().nearest();

        assertThat(nearest).containsOnlyKeys(Modality.VISUAL);
        assertThat(nearest.get(Modality.VISUAL)).extracting(m -> m.match().video()).contains(other.id());
        assertThat(nearest.get(Modality.VISUAL)).allSatisfy(m -> assertThat(m.cosines()).as("the source has no audio to compare").isEmpty());
    }

    private static final ModalityWeights LOOK_MOSTLY = new ModalityWeights(Map.of(Modality.VISUAL, 0.7, Modality.AUDIO, 0.3));
    private static final ModalityWeights SOUND_MOSTLY = new ModalityWeights(Map.of(Modality.VISUAL, 0.2, Modality.AUDIO, 0.8));

    private List<FusedMatch> fusedNearest(VideoId source, Visibility visibility, ModalityWeights weights, int k) {
        return inTransaction(() -> reader().sourceWithFusedNearest(source, MODEL, visibility, SearchFilters.NONE, weights, k)).orElseThrow()
                .nearest();
    }

    /** The weighted sum of the match's cosines, a modality it lacks counting 0: what the fused k-NN orders by. */
    private static double weighted(FusedMatch match, ModalityWeights weights) {
        return match.cosines().entrySet().stream().mapToDouble(c -> weights.weights().getOrDefault(c.getKey(), 0.0) * c.getValue()).sum();
    }

    @Test
    void theNearestByTheFusedVectorAreTheOtherVideosByTheirWeightedCosinesNeverTheSourceOrItsExactBytes() {
        Video source = uploadedVideo("fused-owner");
        embed(source.id(), MODEL, analysed(MODEL));
        Map<Modality, float[]> sourceAssets = assets(source.id());
        List<VideoId> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Video other = newVideo("fused-owner");
            embed(other.id(), MODEL, analysed(MODEL));
            others.add(other.id());
        }
        Video visualOnly = newVideo("fused-owner");
        embed(visualOnly.id(), MODEL, analysed(MODEL).stream().filter(e -> e.modality() == Modality.VISUAL).toList());
        others.add(visualOnly.id());
        Video theirs = inTransaction(() -> videos().saveVideo(TestVideos.submitted("someone-else")));
        embed(theirs.id(), MODEL, analysed(MODEL));
        Video sameBytes = uploadedVideo("fused-owner");
        embed(sameBytes.id(), MODEL, analysed(MODEL));
        // the source's own vectors under another model of the same size: perfect matches, were models ever mixed
        List<Embedding> sourceAsOther = inTransaction(() -> embeddings().findEmbeddings(source.id(), MODEL)).stream()
                .map(e -> new Embedding(SAME_SIZE, e.modality(), e.scope(), e.segment(), e.vector())).toList();
        embed(others.get(0), SAME_SIZE, sourceAsOther);
        Visibility owner = Visibility.of(Caller.consumer(new UserId("fused-owner")));

        List<FusedMatch> nearest = fusedNearest(source.id(), owner, LOOK_MOSTLY, 10);

        assertThat(nearest).as("the owner's own videos; not the source, its exact bytes, nor another user's video not yet validated")
                .extracting(FusedMatch::video).containsExactlyInAnyOrderElementsOf(others);
        for (FusedMatch match : nearest) {
            Map<Modality, float[]> its = assets(match.video());
            assertThat(match.cosines().get(Modality.VISUAL)).isCloseTo(Vectors.cosine(its.get(Modality.VISUAL), sourceAssets.get(Modality.VISUAL)),
                    within(1e-3));
            if (its.containsKey(Modality.AUDIO)) {
                assertThat(match.cosines()).containsOnlyKeys(Modality.VISUAL, Modality.AUDIO);
                assertThat(match.cosines().get(Modality.AUDIO)).isCloseTo(Vectors.cosine(its.get(Modality.AUDIO), sourceAssets.get(Modality.AUDIO)),
                        within(1e-3));
            } else {
                assertThat(match.cosines()).as("no audio asset vector, no audio cosine").containsOnlyKeys(Modality.VISUAL);
            }
        }
        assertThat(nearest).as("by the weighted cosines, a missing audio counting 0")
                .isSortedAccordingTo(java.util.Comparator.comparingDouble((FusedMatch m) -> weighted(m, LOOK_MOSTLY)).reversed());
        assertThat(fusedNearest(source.id(), owner, LOOK_MOSTLY, 3)).as("the nearest k").containsExactlyElementsOf(nearest.subList(0, 3));
        List<FusedMatch> bySound = fusedNearest(source.id(), owner, SOUND_MOSTLY, 10);
        assertThat(bySound).as("other weights, another order of the same videos")
                .isSortedAccordingTo(java.util.Comparator.comparingDouble((FusedMatch m) -> weighted(m, SOUND_MOSTLY)).reversed())
                .extracting(FusedMatch::video).containsExactlyInAnyOrderElementsOf(others);
        assertThatThrownBy(() -> reader().sourceWithFusedNearest(source.id(), MODEL, owner, SearchFilters.NONE,
                new ModalityWeights(Map.of(Modality.VISUAL, 0.5, Modality.TRANSCRIPTION, 0.5)), 10))
                .as("the fused vector holds look and sound only").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSilentSourceIsComparedByLookAloneAndOneWithoutAVisualAssetVectorHasNoFusedNearest() {
        Video silent = inTransaction(() -> videos().saveVideo(TestVideos.submitted("silent-fused-owner")));
        embed(silent.id(), MODEL, analysed(MODEL).stream().filter(e -> e.modality() == Modality.VISUAL).toList());
        List<VideoId> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Video other = newVideo("silent-fused-owner");
            embed(other.id(), MODEL, analysed(MODEL));
            others.add(other.id());
        }
        Video bare = newVideo("silent-fused-owner");
        Visibility owner = Visibility.of(Caller.consumer(new UserId("silent-fused-owner")));

        List<FusedMatch> nearest = fusedNearest(silent.id(), owner, SOUND_MOSTLY, 10);

        assertThat(nearest).extracting(FusedMatch::video).containsExactlyInAnyOrderElementsOf(others);
        assertThat(nearest).allSatisfy(m -> assertThat(m.cosines()).as("the source has no audio to compare").containsOnlyKeys(Modality.VISUAL));
        assertThat(nearest).isSortedAccordingTo(java.util.Comparator.comparingDouble((FusedMatch m) -> m.cosines().get(Modality.VISUAL)).reversed());
        SourceWithFused ofBare = inTransaction(() -> reader().sourceWithFusedNearest(bare.id(), MODEL, owner, SearchFilters.NONE, LOOK_MOSTLY, 10))
                .orElseThrow();
        assertThat(ofBare.source().assets()).isEmpty();
        assertThat(ofBare.nearest()).isEmpty();
        assertThat(inTransaction(() -> reader().sourceWithFusedNearest(VideoId.generate(), MODEL, owner, SearchFilters.NONE, LOOK_MOSTLY, 10)))
                .isEmpty();
    }

    @Test
    void theFusedVectorFollowsTheAssetVectorsAsTheyAreReplaced() {
        Video source = inTransaction(() -> videos().saveVideo(TestVideos.submitted("replaced-owner")));
        embed(source.id(), MODEL, analysed(MODEL));
        Video other = inTransaction(() -> videos().saveVideo(TestVideos.submitted("replaced-owner")));
        embed(other.id(), MODEL, analysed(MODEL));
        Visibility owner = Visibility.of(Caller.consumer(new UserId("replaced-owner")));

        // the source's own look and sound: a perfect match
        embed(other.id(), MODEL, inTransaction(() -> embeddings().findEmbeddings(source.id(), MODEL)));
        assertThat(fusedNearest(source.id(), owner, LOOK_MOSTLY, 10)).singleElement().satisfies(m -> {
            assertThat(m.cosines().get(Modality.VISUAL)).isCloseTo(1.0, within(1e-3));
            assertThat(m.cosines().get(Modality.AUDIO)).isCloseTo(1.0, within(1e-3));
        });
        // its sound gone
        embed(other.id(), MODEL, inTransaction(() -> embeddings().findEmbeddings(source.id(), MODEL)).stream()
                .filter(e -> e.modality() == Modality.VISUAL).toList());
        assertThat(fusedNearest(source.id(), owner, LOOK_MOSTLY, 10)).singleElement()
                .satisfies(m -> assertThat(m.cosines()).containsOnlyKeys(Modality.VISUAL));
        // its clips alone: no candidate any more
        embed(other.id(), MODEL, analysed(MODEL).stream().filter(e -> e.scope() == Scope.CLIP).toList());
        assertThat(fusedNearest(source.id(), owner, LOOK_MOSTLY, 10)).isEmpty();
    }

    /** A video whose bytes are TestVideos.mediaFacts()'s. */
    private Video uploadedVideo() {
        return uploadedVideo("owner");
    }

    private Video uploadedVideo(String owner) {
        Video video = newVideo(owner);
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        return inTransaction(() -> videos().saveVideo(video));
    }

    private Map<Modality, float[]> assets(VideoId video) {
        Map<Modality, float[]> assets = new java.util.EnumMap<>(Modality.class);
        inTransaction(() -> embeddings().findEmbeddings(video, MODEL)).stream().filter(e -> e.scope() == Scope.ASSET)
                .forEach(e -> assets.put(e.modality(), e.vector()));
        return assets;
    }

    @Test
    void aPageHasItsVideosAndTheirBestClipsAndLeavesUnknownIdsOut() {
        Video source = newVideo();
        embed(source.id(), MODEL, analysed(MODEL));
        Video first = newVideo();
        embed(first.id(), MODEL, analysed(MODEL));
        Video second = newVideo();
        embed(second.id(), MODEL, analysed(MODEL));
        Video noClips = newVideo();
        VideoId unknown = VideoId.generate();

        Page page = inTransaction(() -> reader().page(MODEL, Set.of(Modality.VISUAL, Modality.AUDIO), source.id(),
                List.of(first.id(), second.id(), noClips.id(), unknown), 1));

        assertThat(page.videos()).containsOnlyKeys(first.id(), second.id(), noClips.id());
        assertThat(page.videos().get(first.id()).video().snapshot()).isEqualTo(first.snapshot());
        assertThat(page.clips()).as("one per video and modality").hasSize(4)
                .extracting(VectorMatch::video).containsOnly(first.id(), second.id());
        // each is the best clip pair of its video and modality
        List<Embedding> sourceClips = inTransaction(() -> embeddings().findEmbeddings(source.id(), MODEL)).stream()
                .filter(e -> e.scope() == Scope.CLIP).toList();
        for (VectorMatch clip : page.clips()) {
            double best = inTransaction(() -> embeddings().findEmbeddings(clip.video(), MODEL)).stream()
                    .filter(e -> e.scope() == Scope.CLIP && e.modality() == clip.modality())
                    .flatMap(e -> sourceClips.stream().filter(s -> s.modality() == clip.modality())
                            .map(s -> Vectors.cosine(e.vector(), s.vector())))
                    .mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(clip.cosine()).isCloseTo(best, within(1e-3));
        }
        Page visualOnly = inTransaction(() -> reader().page(MODEL, Set.of(Modality.VISUAL), source.id(), List.of(first.id()), 2));
        assertThat(visualOnly.clips()).hasSize(2).extracting(VectorMatch::modality).containsOnly(Modality.VISUAL);
        assertThat(inTransaction(() -> reader().page(MODEL, Set.of(Modality.VISUAL), source.id(), List.of(), 2))).isEqualTo(Page.EMPTY);
    }
}
