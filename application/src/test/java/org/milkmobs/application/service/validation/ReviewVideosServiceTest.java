package org.milkmobs.application.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.campaign.CampaignUseCase;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase.ReviewCommand;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase.ReviewResult;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidateCommand;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidationView;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

class ReviewVideosServiceTest {

    private static final Caller ADMIN = Caller.admin(new UserId("root"));

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final List<ValidateCommand> overrides = new ArrayList<>();
    private final List<VideoId> references = new ArrayList<>();
    /** The validation use case at its port: applies an override to the stored video, as the real one does. */
    private final ValidateVideoUseCase validation = new ValidateVideoUseCase() {
        @Override
        public ValidationView validate(ValidateCommand command) {
            overrides.add(command);
            Video video = videos.loadVideo(command.video()).orElseThrow();
            video.settleAs(command.override().orElseThrow().accepted() ? VideoStatus.VALIDATED : VideoStatus.REJECTED, TestVideos.later(9));
            videos.saveVideo(video);
            return new ValidationView(video.id(), video.status().name(), null, List.of());
        }

        @Override
        public ValidationView decisions(VideoId video, Caller caller) {
            throw new UnsupportedOperationException();
        }
    };
    private final CampaignUseCase campaign = new CampaignUseCase() {
        @Override
        public CampaignView addReferenceVideo(VideoId video, Caller admin) {
            references.add(video);
            return null;
        }

        @Override
        public CampaignView current() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CampaignView update(CampaignSettings settings, Caller admin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CampaignView addReferenceImage(String name, byte[] image, Caller admin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CampaignView removeReference(String source, Caller admin) {
            throw new UnsupportedOperationException();
        }
    };
    private final ReviewVideosService review = new ReviewVideosService(videos, validation, campaign, java.util.function.Supplier::get);

    private Video stored(VideoStatus decided) {
        Video video = TestVideos.submitted("alice");
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        video.startProcessing(TestVideos.later(2));
        video.markAnalyzed(TestVideos.later(3));
        video.settleAs(decided, TestVideos.later(4));
        return videos.saveVideo(video);
    }

    @Test
    void approvedVideosAreValidatedWithTheReasonAndMayBecomeReferences() {
        Video first = stored(VideoStatus.IN_REVIEW);
        Video second = stored(VideoStatus.IN_REVIEW);

        List<ReviewResult> results = review.review(new ReviewCommand(ADMIN, List.of(first.id(), second.id(), first.id()), true,
                Optional.empty(), true));

        assertThat(results).containsExactly(ReviewResult.decided(first.id(), "VALIDATED"), ReviewResult.decided(second.id(), "VALIDATED"));
        assertThat(overrides).allSatisfy(o -> {
            assertThat(o.caller()).isEqualTo(ADMIN);
            assertThat(o.override().orElseThrow().reason()).isEqualTo("approved in review");
        });
        assertThat(references).containsExactly(first.id(), second.id());
    }

    @Test
    void aVideoNotWaitingForReviewOrGoneIsReportedAndTheOthersAreStillDecided() {
        Video accepted = stored(VideoStatus.VALIDATED);
        Video waiting = stored(VideoStatus.IN_REVIEW);
        VideoId gone = VideoId.generate();

        List<ReviewResult> results = review.review(new ReviewCommand(ADMIN, List.of(accepted.id(), gone, waiting.id()), false,
                Optional.of("not a milk mob"), false));

        assertThat(results.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("VALIDATED, not waiting for review"));
        assertThat(results.get(1).problem()).isPresent();
        assertThat(results.get(2)).isEqualTo(ReviewResult.decided(waiting.id(), "REJECTED"));
        assertThat(videos.loadVideo(accepted.id()).orElseThrow().status()).as("a decision made meanwhile stands").isEqualTo(VideoStatus.VALIDATED);
        assertThat(overrides).singleElement().satisfies(o -> assertThat(o.override().orElseThrow().reason()).isEqualTo("not a milk mob"));
        assertThat(references).isEmpty();
    }

    @Test
    void onlyAdminsReviewAndOnlyApprovedVideosBecomeReferences() {
        Video waiting = stored(VideoStatus.IN_REVIEW);

        assertThatThrownBy(() -> review.review(new ReviewCommand(Caller.consumer(new UserId("alice")), List.of(waiting.id()), true,
                Optional.empty(), false))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new ReviewCommand(ADMIN, List.of(waiting.id()), false, Optional.empty(), true))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("only approved videos");
        assertThatThrownBy(() -> new ReviewCommand(ADMIN, List.of(), true, Optional.empty(), false))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("between 1 and 100");
        assertThat(videos.loadVideo(waiting.id()).orElseThrow().status()).isEqualTo(VideoStatus.IN_REVIEW);
    }
}
