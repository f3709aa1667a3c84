package org.milkmobs.application.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Test data shared by the modules' tests (through this module's test-jar). */
public final class TestVideos {

    /** Microsecond precision, which is what PostgreSQL stores, so round trips compare equal. */
    public static final Instant NOW = Instant.parse("2026-11-01T10:00:00.123456Z");

    private TestVideos() {
    }

    public static Video submitted(String owner) {
        return Video.submit(VideoId.generate(), new UserId(owner), new Title("Milk mob by " + owner),
                new Description("Pouring milk in slow motion 🥛\nsecond line"), Hashtags.of("#MilkMob", "#slowmo"), NOW);
    }

    public static MediaFacts mediaFacts() {
        return new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 12.48, 1280, 720, 1_234_567,
                new ContentHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    }

    public static Instant later(long seconds) {
        return NOW.plus(seconds, ChronoUnit.SECONDS);
    }
}
