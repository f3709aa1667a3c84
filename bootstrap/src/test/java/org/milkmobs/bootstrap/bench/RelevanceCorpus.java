package org.milkmobs.bootstrap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.milkmobs.adapters.media.testing.MediaFixtures;

/**
 * The relevance benchmark's labelled set, made with ffmpeg's synthetic sources (320×240, 25 fps, a tone per family).
 * Each family has a look, a tone and a word. Its five takes start elsewhere in the source (or use another seed) and
 * are changed each their own way (crop, hue and brightness, mirror and speed, size and length), so they are the same
 * trend but not copies; the family word is in exactly one place of each take (title, hashtag, a compound hashtag, a
 * plural in the title, or only burnt into the picture for OCR). The first take has two re-edits, a noisy re-encode
 * and a trimmed re-encode: the true near-duplicates. Each family also has a video that opens with the same three
 * seconds as every other family's (an RGB test card) before its own nine: any two of those must not be near-duplicates.
 * Off-campaign videos (other looks, still tagged #milkmob) serve the validation part.
 */
final class RelevanceCorpus {

    static final String CAMPAIGN_TAG = "milkmob";
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private static final String INTRO = "rgbtestsrc=size=320x240:rate=25";

    /** A family: its source ({@code %d} takes the take's seed where the source has one), tone and word. */
    record Family(String name, String source, boolean seeded, int toneHz, String word) {

        String source(int take) {
            return seeded ? String.format(Locale.ROOT, source, 11 + 7 * take) : source;
        }
    }

    /** A video of the set: its family (null off campaign), its role, what a user typed, and its file. */
    record Item(String key, String family, Role role, String title, List<String> hashtags, Path file) {
    }

    enum Role { TAKE, RE_EDIT, SHARED_INTRO, OFF_CAMPAIGN }

    static final List<Family> FAMILIES = List.of(
            new Family("testsrc2", "testsrc2=size=320x240:rate=25", false, 440, "rainbow"),
            new Family("mandelbrot", "mandelbrot=size=320x240:rate=25", false, 220, "fractal"),
            new Family("life", "life=size=320x240:rate=25:mold=10:ratio=0.1:seed=%d:death_color=#C83232:life_color=#00ff00", true, 660, "garden"),
            new Family("cellauto", "cellauto=size=320x240:rate=25:rule=110:seed=%d", true, 330, "weave"),
            new Family("smptebars", "smptebars=size=320x240:rate=25", false, 880, "stripes"),
            // the seed places the gradient's line; its colours are random unless given, which made each take (and run) its own
            new Family("gradients", "gradients=size=320x240:rate=25:speed=0.05:seed=%d:c0=0xf08030:c1=0x603070", true, 1000, "sunset"),
            new Family("plasma", "nullsrc=size=320x240:rate=25,geq=r='128+100*sin(X/19+T*2)':g='128+100*sin(Y/13+T*%d/7)'"
                    + ":b='128+100*sin((X+Y)/23+T)'", true, 550, "lava"));

    private static final List<Family> OFF_CAMPAIGN = List.of(
            new Family("bluebox", "color=c=0x2050b0:size=320x240:rate=25,drawbox=x='mod(t*80,280)':y=100:w=40:h=40:c=white:t=fill", false, 150, "box"),
            new Family("static", "color=c=0x806040:size=320x240:rate=25,noise=alls=60:allf=t", false, 1200, "static"),
            new Family("yuvtestsrc", "yuvtestsrc=size=320x240:rate=25", false, 1500, "card"),
            new Family("checker", "nullsrc=size=320x240:rate=25,geq=lum='255*mod(floor(X/40)+floor(Y/40)+floor(T*2),2)':cb=128:cr=128", false, 95, "board"));

    private final Path dir;

    RelevanceCorpus(Path dir) {
        this.dir = dir;
    }

    static List<Family> families(int count) {
        return FAMILIES.subList(0, Math.max(2, Math.min(count, FAMILIES.size())));
    }

    /** The campaign's set in upload order: every family's takes, then the re-edits, then the shared-intro videos. */
    List<Item> generate(List<Family> families) {
        List<java.util.concurrent.Callable<Item>> jobs = new ArrayList<>();
        for (Family family : families) {
            String w = family.word();
            jobs.add(() -> take(family, 0, "base", 12, "null", "anull", w + " in the park", List.of(CAMPAIGN_TAG)));
            jobs.add(() -> take(family, 1, "cropped", 8, "crop=iw*0.75:ih*0.75,scale=320:240", "anull", "clip two", List.of(CAMPAIGN_TAG, w)));
            jobs.add(() -> take(family, 2, "hue", 8, "hue=h=35,eq=brightness=0.06,drawtext=fontfile=" + FONT + ":text='"
                    + w.toUpperCase(Locale.ROOT) + "':fontsize=40:fontcolor=white:box=1:boxcolor=black@0.8:boxborderw=8:x=(w-tw)/2:y=h-70",
                    "anull", "clip three", List.of(CAMPAIGN_TAG)));
            jobs.add(() -> take(family, 3, "mirrored", 10, "hflip,setpts=PTS/1.25", "atempo=1.25", "clip four", List.of(CAMPAIGN_TAG, w + "vibes")));
            jobs.add(() -> take(family, 4, "long", 14, "scale=256:192", "volume=0.6", capitalised(w) + "s at dusk", List.of(CAMPAIGN_TAG)));
        }
        List<Item> items = run(jobs);
        List<java.util.concurrent.Callable<Item>> later = new ArrayList<>();
        for (Family family : families) {
            Item base = items.stream().filter(i -> i.key().equals(family.name() + "-base")).findFirst().orElseThrow();
            String w = family.word();
            later.add(() -> new Item(family.name() + "-reencoded", family.name(), Role.RE_EDIT, "re-upload", List.of(CAMPAIGN_TAG, w),
                    MediaFixtures.ffmpeg(dir.resolve(family.name() + "-reencoded.mp4"), List.of("-i", base.file().toString(),
                            "-vf", "noise=alls=12:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "34", "-pix_fmt", "yuv420p",
                            "-c:a", "aac", "-b:a", "64k"))));
            later.add(() -> new Item(family.name() + "-trimmed", family.name(), Role.RE_EDIT, w + " cut", List.of(CAMPAIGN_TAG),
                    MediaFixtures.ffmpeg(dir.resolve(family.name() + "-trimmed.mp4"), List.of("-ss", "2", "-i", base.file().toString(),
                            "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"))));
            later.add(() -> new Item(family.name() + "-intro", family.name(), Role.SHARED_INTRO, w + " with an intro", List.of(CAMPAIGN_TAG),
                    spliced(family)));
        }
        items.addAll(run(later));
        return items;
    }

    /** Videos of other looks, tagged #milkmob all the same, with a sound track. */
    List<Item> offCampaign() {
        List<java.util.concurrent.Callable<Item>> jobs = new ArrayList<>();
        for (Family family : OFF_CAMPAIGN) {
            jobs.add(() -> new Item(family.name() + "-off", null, Role.OFF_CAMPAIGN, "my " + family.word() + " video", List.of(CAMPAIGN_TAG),
                    encode(family.name() + "-off", List.of("-f", "lavfi", "-t", "8", "-i", family.source(0)), family.toneHz(), 8, "null", "anull")));
        }
        return run(jobs);
    }

    private Item take(Family family, int take, String variation, int seconds, String videoFilter, String audioFilter, String title,
                      List<String> hashtags) {
        // sources without a seed are taken from another moment: 3 s further on per take
        List<String> input = family.seeded() || take == 0
                ? List.of("-f", "lavfi", "-t", String.valueOf(seconds), "-i", family.source(take))
                : List.of("-f", "lavfi", "-ss", String.valueOf(3 * take), "-t", String.valueOf(seconds), "-i", family.source(take));
        String key = family.name() + "-" + variation;
        return new Item(key, family.name(), Role.TAKE, title, hashtags, encode(key, input, family.toneHz(), seconds, videoFilter, audioFilter));
    }

    private Path encode(String key, List<String> input, int toneHz, int seconds, String videoFilter, String audioFilter) {
        List<String> args = new ArrayList<>(input);
        args.addAll(List.of("-f", "lavfi", "-t", String.valueOf(seconds), "-i", "sine=frequency=" + toneHz + ":sample_rate=44100",
                "-vf", videoFilter, "-af", audioFilter,
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        return MediaFixtures.ffmpeg(dir.resolve(key + ".mp4"), args);
    }

    /** Three seconds of the shared intro (its own tone), then nine of the family at a seed or moment no take uses. */
    private Path spliced(Family family) {
        String rest = family.seeded() ? family.source(9) : family.source(0);
        List<String> restInput = family.seeded() ? List.of("-f", "lavfi", "-t", "9", "-i", rest)
                : List.of("-f", "lavfi", "-ss", "20", "-t", "9", "-i", rest);
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-t", "3", "-i", INTRO,
                "-f", "lavfi", "-t", "3", "-i", "sine=frequency=1760:sample_rate=44100"));
        args.addAll(restInput);
        args.addAll(List.of("-f", "lavfi", "-t", "9", "-i", "sine=frequency=" + family.toneHz() + ":sample_rate=44100",
                "-filter_complex", "[0:v]format=yuv420p[i];[2:v]format=yuv420p[r];[i][1:a][r][3:a]concat=n=2:v=1:a=1[v][a]",
                "-map", "[v]", "-map", "[a]", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        return MediaFixtures.ffmpeg(dir.resolve(family.name() + "-intro.mp4"), args);
    }

    private static List<Item> run(List<java.util.concurrent.Callable<Item>> jobs) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Item>> futures = pool.invokeAll(jobs);
            List<Item> items = new ArrayList<>();
            for (Future<Item> future : futures) {
                items.add(future.get());
            }
            return items;
        } catch (Exception e) {
            throw new IllegalStateException("generating the relevance set failed", e);
        } finally {
            pool.shutdown();
        }
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
