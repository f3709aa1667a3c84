package org.milkmobs.adapters.media.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.storage.LocalDiskBlobStorage;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.testing.FrameFingerprinterContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.VideoId;

/** The frame fingerprinter on ffmpeg and the local disk store, with videos made by ffmpeg. */
class FfmpegFrameFingerprinterTest extends FrameFingerprinterContract {

    private static final FfmpegTools TOOLS = FfmpegTools.onPath();
    private static final String X264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac";
    private static final Map<Picture, Path> FILES = new EnumMap<>(Picture.class);

    @TempDir
    static Path media;

    @TempDir
    Path root;

    private LocalDiskBlobStorage storage;
    private FfmpegFrameFingerprinter fingerprinter;

    @BeforeAll
    static void makeVideos() throws IOException {
        Path pattern = MediaFixtures.ffmpeg(media.resolve("pattern.mp4"), args("-f lavfi -t 12 -i testsrc=size=320x240:rate=25"
                + " -f lavfi -t 12 -i sine=frequency=520:sample_rate=44100 " + X264 + " -shortest"));
        FILES.put(Picture.PATTERN, pattern);
        FILES.put(Picture.PATTERN_REENCODED, MediaFixtures.ffmpeg(media.resolve("re-encoded.mp4"),
                args("-i " + pattern + " -vf noise=alls=12:allf=t -crf 34 " + X264)));
        FILES.put(Picture.OTHER_PICTURE, MediaFixtures.ffmpeg(media.resolve("other.mp4"), args("-f lavfi -t 12 -i testsrc2=size=320x240:rate=25"
                + " -f lavfi -t 12 -i sine=frequency=520:sample_rate=44100 " + X264 + " -shortest")));
        FILES.put(Picture.NOT_A_VIDEO, Files.writeString(media.resolve("notes.mp4"), "not a video, only words", StandardCharsets.UTF_8));
    }

    @Override
    protected FrameFingerprinter fingerprinter() {
        if (fingerprinter == null) {
            storage = new LocalDiskBlobStorage(root, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), Clock.systemUTC());
            fingerprinter = new FfmpegFrameFingerprinter(storage, TOOLS);
        }
        return fingerprinter;
    }

    @Override
    protected VideoMedia stored(Picture picture) {
        fingerprinter();
        VideoId video = VideoId.generate();
        BlobKey key = BlobKey.source(video);
        Path file = FILES.get(picture);
        try (InputStream in = Files.newInputStream(file)) {
            storage.write(key, in, Long.MAX_VALUE, "video/mp4");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MediaFacts facts = picture == Picture.NOT_A_VIDEO ? TestVideos.mediaFacts()
                : new FfprobeMediaProber(TOOLS, new MediaLimits(1L << 30, 0, 3600)).probe(file);
        return new VideoMedia(video, key, facts);
    }

    @Override
    protected VideoMedia missing() {
        VideoId video = VideoId.generate();
        return new VideoMedia(video, BlobKey.source(video), TestVideos.mediaFacts());
    }

    /** One piece of code: the fingerprint made for Marengo's videos is the one the local analyzer makes in its own pass. */
    @Test
    void theFingerprintIsTheLocalAnalyzersOwn() {
        VideoMedia pattern = stored(Picture.PATTERN);
        Optional<Fingerprint> analyzers = new LocalVideoEmbedder(storage, TOOLS).analyse(FILES.get(Picture.PATTERN), pattern.facts()).fingerprint();

        assertThat(fingerprinter().fingerprint(pattern)).isPresent().isEqualTo(analyzers);
    }

    @Test
    void aVideoShorterThanHalfASecondHasNone() {
        Path blink = MediaFixtures.ffmpeg(media.resolve("blink.mp4"), args("-f lavfi -t 0.2 -i testsrc=size=320x240:rate=25 " + X264));
        VideoId video = VideoId.generate();
        try (InputStream in = Files.newInputStream(blink)) {
            fingerprinter();
            storage.write(BlobKey.source(video), in, Long.MAX_VALUE, "video/mp4");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        VideoMedia media = new VideoMedia(video, BlobKey.source(video), TestVideos.mediaFacts());

        assertThat(fingerprinter().fingerprint(media)).isEmpty();
    }

    private static List<String> args(String line) {
        return List.of(line.split(" "));
    }
}
