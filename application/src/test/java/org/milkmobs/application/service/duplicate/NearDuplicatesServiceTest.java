package org.milkmobs.application.service.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.duplicate.NearDuplicatesUseCase.ReviewedPair;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryFingerprintStore;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.NearDuplicates;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Detection at write time and the admin's review list, on the in-memory twins. */
class NearDuplicatesServiceTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 16);
    private static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");

    private final Random random = new Random(4);
    private final Map<VideoId, Video> videos = new LinkedHashMap<>();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryNearDuplicateStore pairs = new InMemoryNearDuplicateStore();
    private final InMemoryFingerprintStore fingerprints = new InMemoryFingerprintStore();
    private final NearDuplicateDetection detection = new NearDuplicateDetection(new Listing(), embeddings, new ExactNearest(), pairs,
            fingerprints, MODEL, new NearDuplicates(0.8, 0.9, 0.7), 5);
    private final NearDuplicatesService review = new NearDuplicatesService(pairs, new Listing());

    @Test
    void aReEditIsRecordedAgainstTheEarlierVideoWhicheverIsAnalysedLast() {
        List<float[]> scenes = scenes(5);
        Video original = analysed(scenes, 20);
        assertThat(detection.detect(original, NOW)).as("nothing to compare with yet").isEmpty();
        Video reEdit = analysed(noisy(scenes.subList(0, 4)), 16);

        List<NearDuplicatePair> found = detection.detect(reEdit, NOW);

        assertThat(found).singleElement().satisfies(pair -> {
            assertThat(pair.copy()).isEqualTo(reEdit.id());
            assertThat(pair.original()).isEqualTo(original.id());
            assertThat(pair.share()).isEqualTo(0.8);
        });
        assertThat(pairs.originalsOf(List.of(original.id(), reEdit.id()))).containsExactly(Map.entry(reEdit.id(), original.id()));
        assertThat(detection.detect(original, NOW)).as("again from the other side: the same pair").hasSize(1);
        assertThat(pairs.list(Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void aSharedIntroAndAnExactCopyAreNoNearDuplicates() {
        List<float[]> intro = scenes(1);
        Video one = analysed(concat(intro, scenes(3)), 16);
        Video two = analysed(concat(intro, scenes(3)), 16);
        Video copy = analysed(List.of(), 16);
        copy.markDuplicateOf(one.id());

        assertThat(detection.detect(two, NOW)).isEmpty();
        assertThat(detection.detect(copy, NOW)).as("the identical tier is not compared").isEmpty();
        assertThat(pairs.list(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void videosWithFingerprintsMustAlsoMatchFrameByFrame() {
        List<float[]> look = scenes(4);
        Fingerprint first = texture(16, 1);
        Video original = analysed(look, 16);
        fingerprints.replaceFingerprint(original.id(), Optional.of(first));
        Video anotherRun = analysed(noisy(look), 16);
        fingerprints.replaceFingerprint(anotherRun.id(), Optional.of(texture(16, 2)));
        Video reEncode = analysed(noisy(look), 16);
        fingerprints.replaceFingerprint(reEncode.id(), Optional.of(first));

        assertThat(detection.detect(anotherRun, NOW)).as("same clips, other frames: another run of one texture").isEmpty();
        assertThat(detection.detect(reEncode, NOW)).extracting(NearDuplicatePair::original).containsExactly(original.id());
    }

    @Test
    void candidatesOfAnotherLengthAreSkippedWithoutReadingTheirFootage() {
        List<float[]> look = scenes(4);
        Video original = analysed(look, 16);
        Video shortTake = analysed(look, 8);
        Video reEncode = analysed(noisy(look), 16);
        List<VideoId> read = new ArrayList<>();
        InMemoryEmbeddingStore counted = new InMemoryEmbeddingStore() {
            @Override
            public List<Embedding> findEmbeddings(VideoId video, EmbeddingModel model) {
                read.add(video);
                return embeddings.findEmbeddings(video, model);
            }
        };
        NearDuplicateDetection reading = new NearDuplicateDetection(new Listing(), counted, new ExactNearest(), pairs, fingerprints,
                MODEL, new NearDuplicates(0.8, 0.9, 0.7), 5);

        assertThat(reading.detect(reEncode, NOW)).extracting(NearDuplicatePair::original).containsExactly(original.id());
        assertThat(read).as("the 8 s take has the same clips but half the length: never a pair, never read")
                .contains(reEncode.id(), original.id()).doesNotContain(shortTake.id());
    }

    @Test
    void theReviewListPagesNewestFirstWithBothVideos() {
        List<float[]> scenes = scenes(4);
        Video original = analysed(scenes, 16);
        List<Video> copies = List.of(analysed(noisy(scenes), 16), analysed(noisy(scenes), 16), analysed(noisy(scenes), 16));
        copies.forEach(copy -> detection.detect(copy, NOW));

        List<ReviewedPair> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<ReviewedPair> page = review.list(cursor, 2);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            all.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        // every copy pairs with the original and with each earlier copy: 1 + 2 + 3 pairs
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(p -> p.pair().copy() + "/" + p.pair().original()).hasSize(6).doesNotHaveDuplicates();
        assertThat(all.get(0).pair().copy()).as("newest first").isEqualTo(copies.get(2).id());
        assertThat(all.get(all.size() - 1).pair()).extracting(NearDuplicatePair::copy, NearDuplicatePair::original)
                .containsExactly(copies.get(0).id(), original.id());
        assertThat(all.get(0).copy().title()).isEqualTo(copies.get(2).title());
    }

    @Test
    void badPagingIsRefused() {
        assertThatThrownBy(() -> review.list(Optional.of("bm90LW91cnM"), 10)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> review.list(Optional.empty(), 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> review.list(Optional.empty(), 101)).isInstanceOf(InvalidValueException.class);
    }

    /** A video uploaded and analysed: its clips (one per 4 s), and their mean as its asset vector. */
    private Video analysed(List<float[]> clips, double seconds) {
        Video video = TestVideos.submitted("owner");
        String hash = String.format("%064x", videos.size() + 1);
        video.markUploaded(new MediaFacts("mp4", "h264", "aac", seconds, 320, 240, 1000, new ContentHash(hash)), NOW);
        videos.put(video.id(), video);
        List<Embedding> all = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            all.add(new Embedding(MODEL, Modality.VISUAL, Scope.CLIP, new Segment(i * 4, i * 4 + 4), clips.get(i)));
        }
        if (!clips.isEmpty()) {
            all.add(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, seconds), Vectors.normalised(Vectors.mean(clips))));
        }
        embeddings.replaceEmbeddings(video.id(), MODEL, all);
        return video;
    }

    /** A random texture's fingerprint: every second and cell its own grey. */
    private static Fingerprint texture(int seconds, long seed) {
        byte[] cells = new byte[seconds * 8 * 4];
        new Random(seed).nextBytes(cells);
        return new Fingerprint(8, 4, cells);
    }

    private List<float[]> scenes(int count) {
        List<float[]> scenes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[MODEL.dimension()];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            scenes.add(Vectors.normalised(v));
        }
        return scenes;
    }

    private List<float[]> noisy(List<float[]> clips) {
        return clips.stream().map(c -> {
            float[] v = c.clone();
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (random.nextGaussian() * 0.03);
            }
            return Vectors.normalised(v);
        }).toList();
    }

    private static List<float[]> concat(List<float[]> a, List<float[]> b) {
        List<float[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The videos above, by id: all this service reads of the listing port. */
    private final class Listing implements ListVideosPort {

        @Override
        public List<Video> findVideos(Collection<VideoId> ids) {
            return ids.stream().map(videos::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public List<Video> listVideos(VideoFilter filter, Optional<Position> after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FeedEntry> feed(Instant snapshot, int perMobPerRound, Optional<FeedPosition> after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<VideoId> findAnalysedByContent(ContentHash hash, VideoId excluding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Video> findWaitingForUpload(Instant before, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** Exact nearest asset vectors over the in-memory embeddings: the index's job without the index. */
    private final class ExactNearest implements VectorSearchPort {

        @Override
        public List<VectorMatch> nearest(NearestQuery query) {
            return videos.values().stream().filter(v -> query.excludedVideo().map(x -> !x.equals(v.id())).orElse(true))
                    .filter(v -> query.excludedContent().map(h -> !h.equals(v.media().orElseThrow().contentHash())).orElse(true))
                    .flatMap(v -> embeddings.findEmbeddings(v.id(), query.model()).stream()
                            .filter(e -> e.scope() == Scope.ASSET && query.modalities().contains(e.modality()))
                            .map(e -> new VectorMatch(v.id(), e.modality(), e.segment(), Vectors.cosine(e.vector(), query.vector()))))
                    .sorted(Comparator.comparingDouble(VectorMatch::cosine).reversed()).limit(query.k()).toList();
        }

        @Override
        public List<VectorMatch> bestClipMatches(EmbeddingModel model, Set<Modality> modalities, VideoId source,
                                                 Collection<VideoId> candidates, int perVideo) {
            throw new UnsupportedOperationException();
        }
    }
}
