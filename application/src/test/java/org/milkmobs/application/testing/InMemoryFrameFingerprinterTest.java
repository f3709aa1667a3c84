package org.milkmobs.application.testing;

import java.util.Optional;
import java.util.Random;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.VideoId;

class InMemoryFrameFingerprinterTest extends FrameFingerprinterContract {

    private final InMemoryFrameFingerprinter fingerprinter = new InMemoryFrameFingerprinter();

    @Override
    protected FrameFingerprinter fingerprinter() {
        return fingerprinter;
    }

    @Override
    protected VideoMedia stored(Picture picture) {
        VideoId video = VideoId.generate();
        BlobKey key = BlobKey.source(video);
        switch (picture) {
            case PATTERN -> fingerprinter.picture(key, Optional.of(frames(7, 0)));
            case PATTERN_REENCODED -> fingerprinter.picture(key, Optional.of(frames(7, 6)));
            case OTHER_PICTURE -> fingerprinter.picture(key, Optional.of(frames(8, 0)));
            case NOT_A_VIDEO -> fingerprinter.undecodable(key, "Invalid data found when processing input");
        }
        return new VideoMedia(video, key, TestVideos.mediaFacts());
    }

    @Override
    protected VideoMedia missing() {
        VideoId video = VideoId.generate();
        return new VideoMedia(video, BlobKey.source(video), TestVideos.mediaFacts());
    }

    /** Twelve frames of a random picture from {@code seed}, each cell moved by up to {@code noise} levels. */
    private static Fingerprint frames(long seed, int noise) {
        Random picture = new Random(seed);
        Random grain = new Random(seed * 31 + noise);
        byte[] cells = new byte[12 * WIDTH * HEIGHT];
        for (int i = 0; i < cells.length; i++) {
            int level = 40 + picture.nextInt(170) + (noise == 0 ? 0 : grain.nextInt(2 * noise + 1) - noise);
            cells[i] = (byte) level;
        }
        return new Fingerprint(WIDTH, HEIGHT, cells);
    }
}
