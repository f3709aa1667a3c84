package org.milkmobs.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

class VideoLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final UserId OWNER = new UserId("alice");

    static Video submitted() {
        return Video.submit(VideoId.generate(), OWNER, new Title("Milk mob at the park"),
                Description.EMPTY, Hashtags.of("#MilkMob"), T0);
    }

    static MediaFacts facts() {
        return new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 12.5, 1280, 720, 1_000_000,
                new ContentHash("a".repeat(64)));
    }

    @Test
    void aNewVideoIsSubmittedWithNoMediaYet() {
        Video video = submitted();

        assertThat(video.status()).isEqualTo(VideoStatus.SUBMITTED);
        assertThat(video.media()).isEmpty();
        assertThat(video.createdAt()).isEqualTo(T0);
        assertThat(video.version()).isZero();
    }

    @Test
    void theHappyPathEndsValidated() {
        Video video = submitted();

        video.markUploaded(facts(), T1);
        video.startProcessing(T1);
        video.markAnalyzed(T1);
        video.decide(true, T1);

        assertThat(video.status()).isEqualTo(VideoStatus.VALIDATED);
        assertThat(video.media()).contains(facts());
        assertThat(video.updatedAt()).isEqualTo(T1);
    }

    @Test
    void aRejectedDecisionEndsRejected() {
        Video video = analyzed();

        video.decide(false, T1);

        assertThat(video.status()).isEqualTo(VideoStatus.REJECTED);
    }

    @Test
    void aVideoInReviewIsSettledUntilAPersonDecidesAndADecisionAppliedTwiceChangesNothing() {
        Video video = analyzed();

        assertThat(video.settleAs(VideoStatus.IN_REVIEW, T1)).isTrue();
        assertThat(video.status().isSettled()).isTrue();
        assertThat(video.settleAs(VideoStatus.IN_REVIEW, T1)).isFalse();
        assertThat(video.settleAs(VideoStatus.VALIDATED, T1)).isTrue();
        assertThat(video.status()).isEqualTo(VideoStatus.VALIDATED);
        assertThatThrownBy(() -> video.settleAs(VideoStatus.PROCESSING, T1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void processingCannotStartBeforeTheUpload() {
        Video video = submitted();

        assertThatThrownBy(() -> video.startProcessing(T1))
                .isInstanceOf(IllegalVideoTransitionException.class)
                .hasMessageContaining("SUBMITTED").hasMessageContaining("PROCESSING");
        assertThat(video.status()).isEqualTo(VideoStatus.SUBMITTED);
    }

    @Test
    void aDecisionNeedsAnAnalysis() {
        Video video = submitted();
        video.markUploaded(facts(), T1);

        assertThatThrownBy(() -> video.decide(true, T1)).isInstanceOf(IllegalVideoTransitionException.class);
    }

    @Test
    void aFailureKeepsItsReasonAndARedriveClearsIt() {
        Video video = submitted();
        video.markUploaded(facts(), T1);
        video.startProcessing(T1);

        video.fail(new Failure(FailureCode.ANALYSIS_FAILED, "the model refused the file"), T1);
        assertThat(video.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(video.failure()).map(Failure::detail).contains("the model refused the file");

        video.startProcessing(T1);
        assertThat(video.status()).isEqualTo(VideoStatus.PROCESSING);
        assertThat(video.failure()).isEmpty();
    }

    @Test
    void aVideoThatFailedBeforeItsUploadCannotBeRedriven() {
        Video video = submitted();
        video.fail(new Failure(FailureCode.INVALID_MEDIA, "zero-byte file"), T1);

        assertThatThrownBy(() -> video.startProcessing(T1)).isInstanceOf(IllegalVideoTransitionException.class);
    }

    @Test
    void aDeferredVideoResumesProcessing() {
        Video video = submitted();
        video.markUploaded(facts(), T1);
        video.defer(T1);
        assertThat(video.status()).isEqualTo(VideoStatus.DEFERRED);

        video.startProcessing(T1);
        assertThat(video.status()).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void aSettledDecisionCanBeRevised() {
        Video video = analyzed();
        video.decide(false, T1);

        video.decide(true, T1);

        assertThat(video.status()).isEqualTo(VideoStatus.VALIDATED);
    }

    @ParameterizedTest
    @EnumSource(VideoStatus.class)
    void everyStatusAllowsOnlyItsListedSuccessors(VideoStatus from) {
        EnumSet<VideoStatus> forbidden = EnumSet.complementOf(EnumSet.copyOf(from.successors()));
        forbidden.remove(from);
        for (VideoStatus to : forbidden) {
            assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isFalse();
        }
        assertThat(from.canMoveTo(from)).as("no self-transition for %s", from).isFalse();
    }

    @Test
    void restoreRefusesAFailedVideoWithoutAReason() {
        VideoSnapshot broken = new VideoSnapshot(VideoId.generate(), OWNER, new Title("t"), Description.EMPTY,
                Hashtags.NONE, VideoStatus.FAILED, T0, T0, null, null, false, null, 3);

        assertThatThrownBy(() -> Video.restore(broken)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotAndRestoreRoundTrip() {
        Video video = analyzed();

        Video restored = Video.restore(video.snapshot());

        assertThat(restored.snapshot()).isEqualTo(video.snapshot());
    }

    @Test
    void aThumbnailAndADuplicateAreRecorded() {
        Video video = analyzed();
        VideoId original = VideoId.generate();

        video.attachThumbnail(T1);
        video.markDuplicateOf(original);

        assertThat(video.hasThumbnail()).isTrue();
        assertThat(video.duplicateOf()).contains(original);
        assertThat(Video.restore(video.snapshot()).duplicateOf()).contains(original);
        assertThatThrownBy(() -> video.markDuplicateOf(video.id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void visibilityFollowsOwnershipRoleAndStatus() {
        Video video = analyzed();
        Caller stranger = Caller.consumer(new UserId("bob"));

        assertThat(video.isVisibleTo(Caller.consumer(OWNER))).isTrue();
        assertThat(video.isVisibleTo(stranger)).isFalse();
        assertThat(video.isVisibleTo(Caller.admin(new UserId("root")))).isTrue();

        video.decide(true, T1);
        assertThat(video.isVisibleTo(stranger)).isTrue();
    }

    @Test
    void onlyItsOwnerAndAdminsManageAVideoWhateverItsStatus() {
        Video video = analyzed();
        Caller stranger = Caller.consumer(new UserId("bob"));

        assertThat(video.manageableBy(Caller.consumer(OWNER))).isTrue();
        assertThat(video.manageableBy(Caller.admin(new UserId("root")))).isTrue();
        assertThat(video.manageableBy(stranger)).isFalse();

        video.decide(true, T1);
        assertThat(video.isVisibleTo(stranger)).as("a validated video is visible to all").isTrue();
        assertThat(video.manageableBy(stranger)).as("but still managed by its owner and admins only").isFalse();
    }

    private static Video analyzed() {
        Video video = submitted();
        video.markUploaded(facts(), T1);
        video.startProcessing(T1);
        video.markAnalyzed(T1);
        return video;
    }
}
