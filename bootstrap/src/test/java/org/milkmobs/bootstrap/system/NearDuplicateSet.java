package org.milkmobs.bootstrap.system;

import java.nio.file.Path;
import java.util.List;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.adapters.media.testing.VideoFamilies.Family;

/**
 * The duplicate tiers' videos (ADR 0026, 0030), made with ffmpeg and uploaded by one user, each settled: a 16 s original;
 * the same bytes again (identical); a noisy re-encode and a 2 s trim of it (near-duplicates); and two videos that share
 * only a 4 s intro before 12 s of unlike looks (neither).
 */
record NearDuplicateSet(String original, String identical, String reEncoded, String trimmed, String introOne, String introTwo) {

    /** Makes the files under {@code dir} (the sources named after {@code prefix}) and uploads them, the original first. */
    static NearDuplicateSet upload(Path dir, Uploads uploads, String prefix) {
        Family source = new Family(prefix + "-testsrc", "testsrc=size=320x240:rate=25", 520);
        Family intro = new Family(prefix + "-intro", "smptehdbars=size=320x240:rate=25", 700);
        Path file = MediaFixtures.ffmpeg(dir.resolve("original.mp4"), List.of(
                "-f", "lavfi", "-t", "16", "-i", source.source(),
                "-f", "lavfi", "-t", "16", "-i", "sine=frequency=" + source.toneHz() + ":sample_rate=44100",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        Path noisy = MediaFixtures.ffmpeg(dir.resolve("re-encoded.mp4"), List.of("-i", file.toString(),
                "-vf", "noise=alls=12:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "34", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k"));
        Path cut = MediaFixtures.ffmpeg(dir.resolve("trimmed.mp4"), List.of("-ss", "2", "-i", file.toString(), "-t", "14",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        Path withIntroOne = VideoFamilies.spliced(dir, "intro-one", intro, family("mandelbrot"), 4, 12);
        Path withIntroTwo = VideoFamilies.spliced(dir, "intro-two", intro, family("life"), 4, 12);

        String original = uploads.submitUploadComplete(file, "the original", List.of("#milkmob"));
        uploads.awaitSettled(original);
        NearDuplicateSet set = new NearDuplicateSet(original,
                uploads.submitUploadComplete(file, "the same file again", List.of("#milkmob")),
                uploads.submitUploadComplete(noisy, "re-encoded", List.of("#milkmob")),
                uploads.submitUploadComplete(cut, "trimmed", List.of("#milkmob")),
                uploads.submitUploadComplete(withIntroOne, "shared intro, one", List.of("#milkmob")),
                uploads.submitUploadComplete(withIntroTwo, "shared intro, two", List.of("#milkmob")));
        List.of(set.identical(), set.reEncoded(), set.trimmed(), set.introOne(), set.introTwo()).forEach(uploads::awaitSettled);
        return set;
    }

    private static Family family(String name) {
        return VideoFamilies.FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
