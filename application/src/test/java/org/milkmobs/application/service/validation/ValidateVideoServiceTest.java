package org.milkmobs.application.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.NotAnalysedException;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.AdminOverride;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidateCommand;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidationView;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.service.mob.MobAssignment;
import org.milkmobs.application.service.mob.MobSettings;
import org.milkmobs.application.service.mob.VideoVectors;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryCampaignStore;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.InMemoryValidationStore;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Re-validation and admin overrides on the in-memory stores. The campaign weighs hashtags alone, so a video's hashtags decide
 * its outcome; a decision that accepts puts the video in a mob, one that does not takes it out.
 */
class ValidateVideoServiceTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 2);
    private static final Caller ALICE = Caller.consumer(new UserId("alice"));
    private static final Caller BOB = Caller.consumer(new UserId("bob"));
    private static final Caller ADMIN = Caller.admin(new UserId("root"));

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryValidationStore decisions = new InMemoryValidationStore();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final VideoVectors vectors = new VideoVectors(embeddings, MODEL, new ModalityWeights(Map.of(Modality.VISUAL, 1.0)));
    private final ValidateVideoUseCase validate = new ValidateVideoService(videos, videos,
            new ValidationService(new InMemoryAnalysisStore(), embeddings, campaigns, new CampaignProvider(campaigns, new CampaignSettings(
                    new Campaign("Milk Mob", "people pouring milk", Hashtags.of("milkmob"), List.of("milk")),
                    new ValidationPolicy(Map.of(Signal.HASHTAGS, 1.0), 0.5), 0.2, 0.8)), MODEL, UnprovenParticipation.ACCEPT),
            decisions, new MobAssignment(mobs, mobs, vectors, new MobSettings(0.9, 10, Optional.empty(), 1, 0.8, Duration.ofHours(1))), clock);

    @Test
    void theOwnerReValidatesAnAnalysedVideoWhichIsAcceptedAndJoinsAMob() {
        Video video = analysed("alice", "#milkmob");

        ValidationView view = validate.validate(new ValidateCommand(video.id(), ALICE, Optional.empty()));

        assertThat(view.status()).isEqualTo("VALIDATED");
        assertThat(view.current().accepted()).isTrue();
        assertThat(view.history()).containsExactly(view.current());
        assertThat(videos.loadVideo(video.id()).orElseThrow().status()).isEqualTo(VideoStatus.VALIDATED);
        assertThat(mobs.mobOf(video.id())).isPresent();
    }

    @Test
    void aVideoWithoutTheCampaignsHashtagIsRejectedAndStaysOutOfMobs() {
        Video video = analysed("alice", "#cats");

        ValidationView view = validate.validate(new ValidateCommand(video.id(), ADMIN, Optional.empty()));

        assertThat(view.status()).isEqualTo("REJECTED");
        assertThat(mobs.mobOf(video.id())).isEmpty();
    }

    @Test
    void anAdminsOverrideIsRecordedWithItsReasonAndTakesTheVideoOutOfItsMob() {
        Video video = analysed("alice", "#milkmob");
        validate.validate(new ValidateCommand(video.id(), ALICE, Optional.empty()));

        ValidationView view = validate.validate(new ValidateCommand(video.id(), ADMIN, Optional.of(new AdminOverride(false, "not milk"))));

        assertThat(view.status()).isEqualTo("REJECTED");
        assertThat(view.current().kind()).isEqualTo(ValidationDecision.Kind.OVERRIDE);
        assertThat(view.history()).hasSize(2);
        assertThat(decisions.decisions(video.id())).hasSize(2);
        assertThat(mobs.mobOf(video.id())).isEmpty();
        assertThat(mobs.history()).last().asString().contains("override");
        assertThat(validate.decisions(video.id(), ALICE).current()).isEqualTo(view.current());
    }

    @Test
    void consumersMayNeitherOverrideNorTouchOthersVideosAndUnanalysedVideosAreNotDecided() {
        Video video = analysed("alice", "#milkmob");

        assertThatThrownBy(() -> validate.validate(new ValidateCommand(video.id(), ALICE, Optional.of(new AdminOverride(true, "mine")))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> validate.validate(new ValidateCommand(video.id(), BOB, Optional.empty())))
                .as("bob cannot see alice's unvalidated video").isInstanceOf(VideoNotFoundException.class);
        validate.validate(new ValidateCommand(video.id(), ALICE, Optional.empty()));
        assertThatThrownBy(() -> validate.validate(new ValidateCommand(video.id(), BOB, Optional.empty())))
                .as("now he sees it, but it is not his").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> validate.decisions(video.id(), BOB)).isInstanceOf(ForbiddenException.class);

        Video processing = videos.saveVideo(processing("alice", "#milkmob"));
        assertThatThrownBy(() -> validate.validate(new ValidateCommand(processing.id(), ADMIN, Optional.empty())))
                .isInstanceOf(NotAnalysedException.class);
        assertThat(decisions.decisions(processing.id())).isEmpty();
        assertThat(decisions.decisions(video.id())).hasSize(1);
    }

    private Video analysed(String owner, String hashtag) {
        Video video = processing(owner, hashtag);
        video.markAnalyzed(clock.instant());
        embeddings.replaceEmbeddings(video.id(), MODEL, List.of(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 10),
                new float[] {1, 0})));
        return videos.saveVideo(video);
    }

    private Video processing(String owner, String hashtag) {
        Video video = Video.submit(VideoId.generate(), new UserId(owner), new Title("pour"), Description.EMPTY, Hashtags.of(hashtag),
                clock.instant());
        video.markUploaded(TestVideos.mediaFacts(), clock.instant());
        video.startProcessing(clock.instant());
        return video;
    }
}
