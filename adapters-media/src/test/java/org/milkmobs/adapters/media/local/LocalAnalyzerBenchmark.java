package org.milkmobs.adapters.media.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.domain.video.MediaFacts;

/**
 * How long the local analyzer takes on a 60 s 720p clip with a caption and sound, against ffmpeg decoding
 * the same file to null, in the same run (median of 5 each). "Analyse" is what the pipeline does: the
 * embed and understand steps running side by side. Run with {@code ./mm bench analyzer}.
 */
public final class LocalAnalyzerBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("analyzer-bench");
        try {
            Path clip = MediaFixtures.ffmpeg(dir.resolve("clip720.mp4"), List.of(
                    "-f", "lavfi", "-t", "60", "-i", "testsrc2=size=1280x720:rate=30",
                    "-f", "lavfi", "-t", "60", "-i", "sine=frequency=440:sample_rate=44100",
                    "-vf", "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='MILK MOB':fontsize=72"
                            + ":fontcolor=white:box=1:boxcolor=black@0.7:x=(w-tw)/2:y=h-150",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
            FfmpegTools tools = FfmpegTools.onPath();
            MediaFacts facts = new FfprobeMediaProber(tools, new MediaLimits(1L << 32, 0, 3600)).probe(clip);
            LocalVideoEmbedder embedder = new LocalVideoEmbedder(null, tools);
            LocalVideoUnderstanding understanding = new LocalVideoUnderstanding(null, tools, "tesseract", "eng", 4);
            System.out.printf(Locale.ROOT, "clip: %.1f s, %dx%d %s, %d bytes; %d CPUs%n", facts.durationSeconds(), facts.width(),
                    facts.height(), facts.videoCodec(), facts.sizeBytes(), Runtime.getRuntime().availableProcessors());
            // warm-up
            embedder.embed(clip, facts);
            understanding.understand(clip, facts);

            List<Double> decode = new ArrayList<>();
            List<Double> analyse = new ArrayList<>();
            List<Double> embedOnly = new ArrayList<>();
            List<Double> understandOnly = new ArrayList<>();
            List<Double> lookOnly = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                decode.add(seconds(() -> ProcessRunner.run(List.of("ffmpeg", "-v", "error", "-nostdin", "-i", clip.toString(),
                        "-f", "null", "-"), Duration.ofMinutes(5), 0)));
                analyse.add(seconds(() -> {
                    CompletableFuture<?> understand = CompletableFuture.runAsync(() -> understanding.understand(clip, facts));
                    embedder.embed(clip, facts);
                    understand.join();
                }));
                embedOnly.add(seconds(() -> embedder.embed(clip, facts)));
                understandOnly.add(seconds(() -> understanding.understand(clip, facts)));
                lookOnly.add(seconds(() -> LookWords.read(tools, clip, Duration.ofMinutes(5))));
            }
            double decodeMedian = median(decode);
            double analyseMedian = median(analyse);
            System.out.printf(Locale.ROOT, "ffmpeg decode to null        : %.2f s (median of %d)%n", decodeMedian, rounds);
            System.out.printf(Locale.ROOT, "analyse (embed ∥ understand)  : %.2f s  = %.2f × decode%n", analyseMedian, analyseMedian / decodeMedian);
            System.out.printf(Locale.ROOT, "  embed alone                : %.2f s%n", median(embedOnly));
            System.out.printf(Locale.ROOT, "  understand alone (OCR+audio+look): %.2f s%n", median(understandOnly));
            System.out.printf(Locale.ROOT, "    look words alone (bursts)     : %.2f s  = %.2f × decode%n", median(lookOnly),
                    median(lookOnly) / decodeMedian);
            LocalVideoUnderstanding.Result result = understanding.understand(clip, facts);
            System.out.println("OCR text: " + result.ocrText() + "; look: " + result.look());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
