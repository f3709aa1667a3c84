package org.milkmobs.adapters.media.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.media.testing.RetrievalMetrics;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.ClusterCount;
import org.milkmobs.domain.mob.KMeans;

/**
 * Does the local model make look-alike videos near and different ones far? Measured on a generated
 * corpus of 8 families × 6 variations; the figures are printed for the record.
 */
class LocalAnalyzerQualityTest {

    @TempDir
    static Path dir;

    private static final FfmpegTools TOOLS = FfmpegTools.onPath();
    private static final LocalVideoEmbedder EMBEDDER = new LocalVideoEmbedder(null, TOOLS);
    private static final FfprobeMediaProber PROBER = new FfprobeMediaProber(TOOLS, new MediaLimits(1L << 30, 0, 3600));
    private static final ModalityWeights WEIGHTS = ModalityWeights.DEFAULT;

    private static List<VideoFamilies.Member> corpus;
    private static List<Map<Modality, float[]>> assets;

    @BeforeAll
    static void analyseCorpus() {
        corpus = VideoFamilies.generate(dir);
        assets = corpus.stream().map(member -> assetsOf(member.file())).toList();
    }

    static Map<Modality, float[]> assetsOf(Path file) {
        Map<Modality, float[]> byModality = new EnumMap<>(Modality.class);
        for (Embedding e : EMBEDDER.embed(file, PROBER.probe(file))) {
            if (e.scope() == Scope.ASSET) {
                byModality.put(e.modality(), e.vector());
            }
        }
        return byModality;
    }

    static double similarity(Map<Modality, float[]> a, Map<Modality, float[]> b) {
        Map<Modality, Double> scores = new EnumMap<>(Modality.class);
        for (Modality modality : a.keySet()) {
            if (b.containsKey(modality)) {
                scores.put(modality, Vectors.cosine(a.get(modality), b.get(modality)));
            }
        }
        return WEIGHTS.combine(scores);
    }

    @Test
    void similarVideoPrecisionAtFiveWithinFamiliesIsAtLeast90Percent() {
        double total = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            int query = i;
            List<Integer> top = IntStream.range(0, corpus.size()).filter(j -> j != query).boxed()
                    .sorted(Comparator.comparingDouble(j -> -similarity(assets.get(query), assets.get(j))))
                    .limit(5).toList();
            long hits = top.stream().filter(j -> corpus.get(j).family().equals(corpus.get(query).family())).count();
            total += hits / 5.0;
            if (hits < 5) {
                misses.add(corpus.get(i).family().name() + "-" + corpus.get(i).variation() + " " + hits + "/5");
            }
        }
        double precision = total / corpus.size();
        System.out.printf(Locale.ROOT, "local model: similar-video precision@5 = %.3f over %d videos (misses: %s)%n",
                precision, corpus.size(), misses);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void kMeansOnTheAssetVectorsRecoversTheFamilies() {
        Map<Modality, Integer> dimensions = Map.of(Modality.VISUAL, 128, Modality.AUDIO, 128);
        float[][] fused = assets.stream().map(a -> WEIGHTS.fuse(a, dimensions)).toArray(float[][]::new);
        int[] truth = corpus.stream().mapToInt(m -> VideoFamilies.FAMILIES.indexOf(m.family())).toArray();

        KMeans.Result result = KMeans.cluster(fused, VideoFamilies.FAMILIES.size(), 10, 100, 42);
        double ari = RetrievalMetrics.adjustedRandIndex(truth, result.assignments());

        System.out.printf(Locale.ROOT, "local model: k-means (k=%d, 10 restarts) adjusted Rand index = %.3f%n",
                VideoFamilies.FAMILIES.size(), ari);
        assertThat(ari).isGreaterThanOrEqualTo(0.8);
    }

    /** K chosen as the re-cluster chooses it (ADR 0031): the tolerance does not merge families of this corpus. */
    @Test
    void kChosenBySilhouetteWithTheToleranceIsTheNumberOfFamilies() {
        Map<Modality, Integer> dimensions = Map.of(Modality.VISUAL, 128, Modality.AUDIO, 128);
        float[][] fused = assets.stream().map(a -> WEIGHTS.fuse(a, dimensions)).toArray(float[][]::new);
        int[] truth = corpus.stream().mapToInt(m -> VideoFamilies.FAMILIES.indexOf(m.family())).toArray();

        int best = ClusterCount.choose(fused, 2, 20, 1000, 42).k();
        int tolerant = ClusterCount.choose(fused, 2, 20, 1000, 42, 0.05).k();
        double ari = RetrievalMetrics.adjustedRandIndex(truth, KMeans.cluster(fused, tolerant, 5, 100, 42).assignments());

        System.out.printf(Locale.ROOT, "local model: K by best silhouette %d, within 0.05 of it %d (ARI %.3f), %d families%n",
                best, tolerant, ari, VideoFamilies.FAMILIES.size());
        assertThat(tolerant).isEqualTo(VideoFamilies.FAMILIES.size());
        assertThat(ari).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void videosSharingOnlyTheirOpeningSecondsAreNotNearDuplicates() {
        VideoFamilies.Family opening = VideoFamilies.FAMILIES.get(0);
        VideoFamilies.Family restA = VideoFamilies.FAMILIES.get(2);
        VideoFamilies.Family restB = VideoFamilies.FAMILIES.get(4);
        Map<Modality, float[]> a = assetsOf(VideoFamilies.spliced(dir, "open-a", opening, restA, 3, 9));
        Map<Modality, float[]> b = assetsOf(VideoFamilies.spliced(dir, "open-b", opening, restB, 3, 9));
        Map<Modality, float[]> aFamily = assets.get(indexOf(restA, "base"));

        double shared = similarity(a, b);
        double ownFamily = similarity(a, aFamily);
        double withinFamily = IntStream.range(0, corpus.size())
                .filter(j -> corpus.get(j).family().equals(restA) && !corpus.get(j).variation().equals("base"))
                .mapToDouble(j -> similarity(assets.get(indexOf(restA, "base")), assets.get(j))).min().orElseThrow();

        System.out.printf(Locale.ROOT, "local model: same 3 s opening, different 9 s rest: similarity %.3f; "
                + "to the family of its rest %.3f; least similar member within that family %.3f%n", shared, ownFamily, withinFamily);
        assertThat(shared).as("similarity of videos that share only their opening").isLessThan(withinFamily);
        assertThat(ownFamily).isGreaterThan(shared);
    }

    @Test
    void silentAudioGetsNoAudioEmbedding() {
        Path silent = MediaFixtures.silentVideo(dir, "silent-track", 4);
        Path muted = MediaFixtures.ffmpeg(dir.resolve("muted.mp4"), List.of(
                "-f", "lavfi", "-t", "4", "-i", "testsrc2=size=320x240:rate=25",
                "-f", "lavfi", "-t", "4", "-i", "anullsrc=r=44100:cl=mono",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));

        for (Path file : List.of(silent, muted)) {
            List<Embedding> embeddings = EMBEDDER.embed(file, PROBER.probe(file));
            assertThat(embeddings).as(file.getFileName().toString())
                    .isNotEmpty().noneMatch(e -> e.modality() == Modality.AUDIO);
        }
        assertThat(PROBER.probe(muted).hasAudio()).as("the muted file does have an audio stream").isTrue();
    }

    @Test
    void clipEmbeddingsCoverTheVideoInFourSecondWindowsAndAreUnitLength() {
        Path file = corpus.get(indexOf(VideoFamilies.FAMILIES.get(0), "long")).file();

        List<Embedding> embeddings = EMBEDDER.embed(file, PROBER.probe(file));

        List<Embedding> visualClips = embeddings.stream().filter(e -> e.modality() == Modality.VISUAL && e.scope() == Scope.CLIP).toList();
        assertThat(visualClips).extracting(e -> e.segment().startSeconds()).containsExactly(0.0, 4.0, 8.0);
        assertThat(visualClips.get(2).segment().endSeconds()).isBetween(9.9, 10.1);
        assertThat(embeddings).allSatisfy(e -> {
            assertThat(e.model()).isEqualTo(LocalPerceptualModel.MODEL);
            assertThat(Math.sqrt(Vectors.dot(e.vector(), e.vector()))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        assertThat(embeddings).filteredOn(e -> e.scope() == Scope.ASSET).extracting(Embedding::modality)
                .containsExactlyInAnyOrder(Modality.VISUAL, Modality.AUDIO);
    }

    private static int indexOf(VideoFamilies.Family family, String variation) {
        return IntStream.range(0, corpus.size())
                .filter(i -> corpus.get(i).family().equals(family) && corpus.get(i).variation().equals(variation))
                .findFirst().orElseThrow();
    }
}
