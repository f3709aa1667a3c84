package org.milkmobs.adapters.media.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.adapters.media.testing.VideoFamilies.Family;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.NearDuplicates;
import org.milkmobs.domain.video.NearDuplicates.Comparison;
import org.milkmobs.domain.video.NearDuplicates.Footage;

/**
 * The near-duplicate rule (ADR 0026) with its default settings on the local analyzer's real clip vectors and fingerprints
 * (ADR 0030): re-encoded, trimmed and sped-up copies are near-duplicates; videos sharing only an intro, other videos of
 * the same look, or another run (seed) of the same random texture are not.
 */
class LocalNearDuplicatesTest {

    private static final FfmpegTools TOOLS = FfmpegTools.onPath();
    private static final LocalVideoEmbedder EMBEDDER = new LocalVideoEmbedder(null, TOOLS);
    private static final FfprobeMediaProber PROBER = new FfprobeMediaProber(TOOLS, new MediaLimits(1L << 30, 0, 3600));
    private static final NearDuplicates RULE = new NearDuplicates(0.8, 0.9, 0.7, NearDuplicates.DEFAULT_MIN_FRAME_SIMILARITY,
            NearDuplicates.DEFAULT_MIN_FRAME_SHARE);
    private static final String X264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac";

    @TempDir
    static Path dir;

    private static Path original;

    @BeforeAll
    static void makeOriginal() {
        original = MediaFixtures.ffmpeg(dir.resolve("original.mp4"), args("-f lavfi -t 16 -i testsrc=size=320x240:rate=25"
                + " -f lavfi -t 16 -i sine=frequency=520:sample_rate=44100 " + X264 + " -shortest"));
    }

    @Test
    void aNoisyReEncodeIsANearDuplicate() {
        Path copy = MediaFixtures.ffmpeg(dir.resolve("noisy.mp4"), args("-i " + original + " -vf noise=alls=12:allf=t -crf 34 " + X264));
        assertThat(compare(original, copy).nearDuplicate()).isTrue();
    }

    @Test
    void aTrimmedReEditIsANearDuplicate() {
        Path copy = MediaFixtures.ffmpeg(dir.resolve("trimmed.mp4"), args("-ss 2 -i " + original + " -t 14 " + X264));
        assertThat(compare(original, copy).nearDuplicate()).isTrue();
    }

    @Test
    void aSpeedChangeIsANearDuplicate() {
        Path copy = MediaFixtures.ffmpeg(dir.resolve("faster.mp4"),
                args("-i " + original + " -vf setpts=PTS/1.2 -af atempo=1.2 " + X264));
        assertThat(compare(original, copy).nearDuplicate()).isTrue();
    }

    @Test
    void videosSharingOnlyAnIntroAreNot() {
        Family intro = new Family("intro", "smptehdbars=size=320x240:rate=25", 700);
        Path one = VideoFamilies.spliced(dir, "intro-one", intro, family("mandelbrot"), 4, 12);
        Path two = VideoFamilies.spliced(dir, "intro-two", intro, family("life"), 4, 12);
        Comparison c = compare(one, two);
        assertThat(c.aligned()).as("the intro's clip matches").isGreaterThanOrEqualTo(1);
        assertThat(c.nearDuplicate()).isFalse();
    }

    @Test
    void anotherSeedOfARandomTextureIsNotWhileItsReEncodeAndTrimAre() {
        Path seeded = MediaFixtures.ffmpeg(dir.resolve("cells-11.mp4"), args("-f lavfi -t 12 -i cellauto=size=320x240:rate=25:rule=110:seed=11"
                + " -f lavfi -t 12 -i sine=frequency=330:sample_rate=44100 " + X264 + " -shortest"));
        Path otherSeed = MediaFixtures.ffmpeg(dir.resolve("cells-18.mp4"), args("-f lavfi -t 12 -i cellauto=size=320x240:rate=25:rule=110:seed=18"
                + " -f lavfi -t 12 -i sine=frequency=330:sample_rate=44100 " + X264 + " -shortest"));
        Path noisy = MediaFixtures.ffmpeg(dir.resolve("cells-noisy.mp4"), args("-i " + seeded + " -vf noise=alls=12:allf=t -crf 34 " + X264));
        Path trimmed = MediaFixtures.ffmpeg(dir.resolve("cells-trimmed.mp4"), args("-ss 2 -i " + seeded + " -t 10 " + X264));

        Comparison seeds = compare(seeded, otherSeed);
        assertThat(seeds.share()).as("the clip vectors alone cannot tell two runs of the texture apart").isGreaterThanOrEqualTo(0.7);
        assertThat(seeds.nearDuplicate()).as("their frames can").isFalse();
        assertThat(compare(seeded, noisy).nearDuplicate()).isTrue();
        assertThat(compare(seeded, trimmed).nearDuplicate()).isTrue();
        assertThat(compare(noisy, trimmed).nearDuplicate()).isTrue();
    }

    @Test
    void anotherTakeOfTheSameLookIsNot() {
        Path other = MediaFixtures.ffmpeg(dir.resolve("other-take.mp4"), args("-f lavfi -t 16 -i testsrc2=size=320x240:rate=25"
                + " -f lavfi -t 16 -i sine=frequency=520:sample_rate=44100 " + X264 + " -shortest"));
        assertThat(compare(original, other).nearDuplicate()).isFalse();
    }

    private static Comparison compare(Path a, Path b) {
        Comparison c = RULE.compare(footage(a), footage(b));
        System.out.printf(Locale.ROOT, "%s ~ %s: duration ratio %.2f, %d clips aligned, share %.2f, frame share %s, near-duplicate %s%n",
                a.getFileName(), b.getFileName(), c.durationRatio(), c.aligned(), c.share(), c.frameShare(), c.nearDuplicate());
        return c;
    }

    private static Footage footage(Path video) {
        MediaFacts facts = PROBER.probe(video);
        LocalVideoEmbedder.Analysis analysis = EMBEDDER.analyse(video, facts);
        assertThat(analysis.fingerprint()).as("the local analyzer fingerprints every video with frames").isPresent();
        List<float[]> clips = analysis.embeddings().stream()
                .filter(e -> e.scope() == Scope.CLIP && e.modality() == Modality.VISUAL)
                .sorted(Comparator.comparingDouble(e -> e.segment().startSeconds())).map(Embedding::vector).toList();
        return new Footage(facts.durationSeconds(), clips, analysis.fingerprint());
    }

    private static Family family(String name) {
        return VideoFamilies.FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> args(String line) {
        return List.of(line.split(" "));
    }
}
