package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.NearDuplicates;
import org.milkmobs.domain.video.NearDuplicates.Footage;

/**
 * What every frame fingerprinter does (ADR 0030); run on the twin and on ffmpeg. The near-duplicate rule with its
 * default settings judges the fingerprints, as it will in production.
 */
public abstract class FrameFingerprinterContract {

    /** The fingerprint's grid: 2×2 blocks of the local analyzer's 64×36 frames. */
    public static final int WIDTH = 32;
    public static final int HEIGHT = 18;

    private static final NearDuplicates RULE = new NearDuplicates(0.8, 0.9, 0.7, NearDuplicates.DEFAULT_MIN_FRAME_SIMILARITY,
            NearDuplicates.DEFAULT_MIN_FRAME_SHARE);

    /** The videos a run stores: their pictures, not their bytes, are what the suite knows of them. */
    public enum Picture {
        /** 12 s of a moving test pattern. */
        PATTERN,
        /** {@link #PATTERN} re-encoded with noise at a low quality: the same frames. */
        PATTERN_REENCODED,
        /** 12 s of another picture. */
        OTHER_PICTURE,
        /** Bytes that are no video at all. */
        NOT_A_VIDEO
    }

    protected abstract FrameFingerprinter fingerprinter();

    /** Stores a file of that picture and returns it as the pipeline hands it over. */
    protected abstract VideoMedia stored(Picture picture);

    /** Media whose file is not stored. */
    protected abstract VideoMedia missing();

    @Test
    void aVideoGetsOneLumaGridForEachSecond() {
        Fingerprint fingerprint = fingerprinter().fingerprint(stored(Picture.PATTERN)).orElseThrow();

        assertThat(fingerprint.width()).isEqualTo(WIDTH);
        assertThat(fingerprint.height()).isEqualTo(HEIGHT);
        assertThat(fingerprint.frames()).isEqualTo(12);
    }

    @Test
    void theSameVideoGetsTheSameFingerprint() {
        VideoMedia media = stored(Picture.PATTERN);

        assertThat(fingerprinter().fingerprint(media)).isPresent().isEqualTo(fingerprinter().fingerprint(media));
    }

    @Test
    void aReEncodeMatchesItsOriginalFrameForFrameAndAnotherPictureDoesNot() {
        Optional<Fingerprint> original = fingerprinter().fingerprint(stored(Picture.PATTERN));
        Optional<Fingerprint> reEncoded = fingerprinter().fingerprint(stored(Picture.PATTERN_REENCODED));
        Optional<Fingerprint> other = fingerprinter().fingerprint(stored(Picture.OTHER_PICTURE));

        NearDuplicates.Comparison copy = RULE.compare(footage(original), footage(reEncoded));
        assertThat(copy.frameShare()).as("the frames decide").isPresent();
        assertThat(copy.frameShare().getAsDouble()).isGreaterThanOrEqualTo(NearDuplicates.DEFAULT_MIN_FRAME_SHARE);
        assertThat(copy.nearDuplicate()).isTrue();
        assertThat(RULE.compare(footage(original), footage(other)).nearDuplicate()).isFalse();
    }

    @Test
    void aFileThatIsNoVideoFailsForGood() {
        VideoMedia media = stored(Picture.NOT_A_VIDEO);

        assertThatThrownBy(() -> fingerprinter().fingerprint(media))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> assertThat(e.permanent()).isTrue());
    }

    @Test
    void aFileThatIsNotStoredFailsAsTheStoreSays() {
        VideoMedia media = missing();

        assertThatThrownBy(() -> fingerprinter().fingerprint(media)).isInstanceOf(BlobStorageException.class);
    }

    private static Footage footage(Optional<Fingerprint> fingerprint) {
        return new Footage(fingerprint.orElseThrow().frames(), List.of(), fingerprint);
    }
}
