package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.ConcurrentUpdateException;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The behaviour every implementation of the video storage ports must have. The in-memory twin and the
 * JPA adapter each run this suite; {@link #inTransaction} lets a transactional adapter commit between steps.
 */
public abstract class VideoStoreContract {

    protected abstract LoadVideoPort load();

    protected abstract SaveVideoPort save();

    /** Runs one unit of work; transactional implementations commit it. */
    protected <T> T inTransaction(java.util.function.Supplier<T> work) {
        return work.get();
    }

    @Test
    void aSavedVideoLoadsBackEqualInEveryField() {
        Video video = TestVideos.submitted("alice");

        inTransaction(() -> save().saveVideo(video));
        Video loaded = inTransaction(() -> load().loadVideo(video.id())).orElseThrow();

        assertThat(loaded.snapshot()).isEqualTo(video.snapshot());
    }

    @Test
    void anUnknownIdLoadsNothing() {
        assertThat(inTransaction(() -> load().loadVideo(VideoId.generate()))).isEmpty();
    }

    @Test
    void anUpdateKeepsTheNewStateMediaAndFailure() {
        Video stored = inTransaction(() -> save().saveVideo(TestVideos.submitted("bob")));
        stored.markUploaded(TestVideos.mediaFacts(), TestVideos.later(5));
        stored.startProcessing(TestVideos.later(6));
        stored.attachThumbnail(TestVideos.later(6));
        VideoId original = VideoId.generate();
        stored.markDuplicateOf(original);
        stored.fail(new Failure(FailureCode.ANALYSIS_FAILED, "model said no"), TestVideos.later(7));

        Video saved = inTransaction(() -> save().saveVideo(stored));
        Video loaded = inTransaction(() -> load().loadVideo(stored.id())).orElseThrow();

        assertThat(loaded.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(loaded.media()).contains(TestVideos.mediaFacts());
        assertThat(loaded.failure()).contains(new Failure(FailureCode.ANALYSIS_FAILED, "model said no"));
        assertThat(loaded.updatedAt()).isEqualTo(TestVideos.later(7));
        assertThat(loaded.hasThumbnail()).isTrue();
        assertThat(loaded.duplicateOf()).contains(original);
        assertThat(loaded.version()).isEqualTo(saved.version()).isGreaterThan(stored.version());
    }

    @Test
    void aStaleCopyCannotOverwriteANewerOne() {
        Video original = inTransaction(() -> save().saveVideo(TestVideos.submitted("carol")));
        Video first = inTransaction(() -> load().loadVideo(original.id())).orElseThrow();
        Video second = inTransaction(() -> load().loadVideo(original.id())).orElseThrow();

        first.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        inTransaction(() -> save().saveVideo(first));
        second.fail(new Failure(FailureCode.INVALID_MEDIA, "empty"), TestVideos.later(2));

        assertThatThrownBy(() -> inTransaction(() -> save().saveVideo(second)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(inTransaction(() -> load().loadVideo(original.id())).orElseThrow().status())
                .isEqualTo(VideoStatus.UPLOADED);
    }
}
