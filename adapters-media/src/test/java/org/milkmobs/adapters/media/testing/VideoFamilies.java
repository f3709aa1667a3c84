package org.milkmobs.adapters.media.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A corpus of look-alike video families made with ffmpeg's synthetic sources: each family has its own
 * picture source and tone; its members vary in length, speed, crop, noise with heavy re-encoding, and
 * where in the source they start. Shared through this module's test-jar.
 */
public final class VideoFamilies {

    /** A family: a lavfi video source (320×240, 25 fps) and the tone of its sound. */
    public record Family(String name, String source, int toneHz) {
    }

    public record Member(Family family, String variation, Path file) {
    }

    /**
     * Every source is deterministic: ffmpeg's gradients pick random colours unless given ({@code seed} fixes only the
     * line), which made that family differ from run to run and the corpus's clustering flaky.
     */
    public static final List<Family> FAMILIES = List.of(
            new Family("testsrc2", "testsrc2=size=320x240:rate=25", 440),
            new Family("smptebars", "smptebars=size=320x240:rate=25", 880),
            new Family("mandelbrot", "mandelbrot=size=320x240:rate=25", 220),
            new Family("life", "life=size=320x240:rate=25:mold=10:ratio=0.1:seed=7:death_color=#C83232:life_color=#00ff00", 660),
            new Family("cellauto", "cellauto=size=320x240:rate=25:rule=110:seed=3", 330),
            new Family("rgbtestsrc", "rgbtestsrc=size=320x240:rate=25", 550),
            new Family("gradients", "gradients=size=320x240:rate=25:speed=0.05:seed=5:c0=0xe0a030:c1=0x3050c0", 1000),
            new Family("bluebox", "color=c=0x2050b0:size=320x240:rate=25,drawbox=x='mod(t*80,280)':y=100:w=40:h=40:c=white:t=fill", 150));

    /** Variation name → (source seconds, video filter, audio filter, x264 crf). */
    private static final List<String[]> VARIATIONS = List.of(
            new String[] {"base", "6", "null", "anull", "23"},
            new String[] {"long", "10", "null", "anull", "23"},
            new String[] {"fast", "9", "setpts=PTS/1.5", "atempo=1.5", "23"},
            new String[] {"cropped", "6", "crop=iw*0.8:ih*0.8,scale=320:240", "anull", "23"},
            new String[] {"noisy", "6", "noise=alls=25:allf=t", "volume=0.5", "38"},
            new String[] {"later", "9", "trim=start=3,setpts=PTS-STARTPTS", "atrim=start=3,asetpts=PTS-STARTPTS", "23"});

    private VideoFamilies() {
    }

    public static int membersPerFamily() {
        return VARIATIONS.size();
    }

    /** Generates every member of every family into {@code dir} (two at a time). */
    public static List<Member> generate(Path dir) {
        return generate(dir, FAMILIES);
    }

    public static List<Member> generate(Path dir, List<Family> families) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Member>> futures = new ArrayList<>();
            for (Family family : families) {
                for (String[] variation : VARIATIONS) {
                    futures.add(pool.submit(() -> member(dir, family, variation)));
                }
            }
            List<Member> members = new ArrayList<>();
            for (Future<Member> future : futures) {
                members.add(future.get());
            }
            return members;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static Member member(Path dir, Family family, String[] variation) {
        String seconds = variation[1];
        Path file = MediaFixtures.ffmpeg(dir.resolve(family.name() + "-" + variation[0] + ".mp4"), List.of(
                "-f", "lavfi", "-t", seconds, "-i", source(family),
                "-f", "lavfi", "-t", seconds, "-i", "sine=frequency=" + family.toneHz() + ":sample_rate=44100",
                "-vf", variation[2], "-af", variation[3],
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", variation[4], "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        return new Member(family, variation[0], file);
    }

    /**
     * A video that shows {@code first} for {@code sharedSeconds}, then {@code rest} for {@code restSeconds}:
     * two such videos with the same opening and different rests share only their first seconds.
     */
    public static Path spliced(Path dir, String name, Family first, Family rest, double sharedSeconds, double restSeconds) {
        String filter = "[0:v][1:a][2:v][3:a]concat=n=2:v=1:a=1[v][a]";
        return MediaFixtures.ffmpeg(dir.resolve(name + ".mp4"), List.of(
                "-f", "lavfi", "-t", Double.toString(sharedSeconds), "-i", source(first),
                "-f", "lavfi", "-t", Double.toString(sharedSeconds), "-i", "sine=frequency=" + first.toneHz() + ":sample_rate=44100",
                "-f", "lavfi", "-t", Double.toString(restSeconds), "-i", source(rest),
                "-f", "lavfi", "-t", Double.toString(restSeconds), "-i", "sine=frequency=" + rest.toneHz() + ":sample_rate=44100",
                "-filter_complex", filter, "-map", "[v]", "-map", "[a]",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
    }

    private static String source(Family family) {
        return family.source();
    }
}
