package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.service.validation.ValidationService;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryCampaignStore;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryValidationStore;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The validate step on the in-memory stores. The campaign weighs the participation score, the likeness to its references
 * and its hashtag ({@code #milkmob}, which the test videos carry); the decision joins the video's history and settles the
 * video, both with the completion.
 */
class ValidateStepTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 2);
    private static final ValidationPolicy POLICY = new ValidationPolicy(
            Map.of(Signal.PARTICIPATION, 0.4, Signal.VISUAL_SIMILARITY, 0.3, Signal.HASHTAGS, 0.3), 0.6);
    private static final CampaignSettings CAMPAIGN = campaign(Hashtags.of("milkmob"), POLICY);

    private final StepFixture fixture = new StepFixture();
    private final InMemoryAnalysisStore analyses = new InMemoryAnalysisStore();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final InMemoryValidationStore decisions = new InMemoryValidationStore();

    @Test
    void aProvenParticipantIsValidatedAndItsDecisionKeptWithTheCompletion() {
        Video video = analysed(OptionalDouble.of(0.9));

        StepOutcome outcome = step(UnprovenParticipation.REVIEW).execute(job(video), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(fixture.status(video.id())).as("nothing before the completion's write").isEqualTo(VideoStatus.ANALYZED);
        assertThat(decisions.decisions(video.id())).isEmpty();
        StepFixture.written(outcome);
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.VALIDATED);
        assertThat(decisions.decisions(video.id())).singleElement().satisfies(decision -> {
            assertThat(decision.outcome()).isEqualTo(ValidationDecision.Outcome.ACCEPTED);
            assertThat(decision.kind()).isEqualTo(ValidationDecision.Kind.AUTOMATIC);
            // (0.4 * 0.9 + 0.3 * 1) / 0.7: the unmeasured likeness drops out of the weights
            assertThat(decision.score()).isCloseTo(0.943, within(0.001));
            assertThat(decision.breakdown()).extracting(r -> r.signal()).contains(Signal.PARTICIPATION, Signal.HASHTAGS);
            assertThat(decision.decidedAt()).isEqualTo(fixture.clock.instant());
        });
    }

    @Test
    void aVideoBelowTheThresholdIsRejected() {
        Video video = analysed(OptionalDouble.of(0.1));

        StepFixture.written(step(UnprovenParticipation.ACCEPT).execute(job(video), JobSignal.NEVER));

        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.REJECTED);
        assertThat(decisions.decisions(video.id())).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(ValidationDecision.Outcome.REJECTED));
    }

    @Test
    void aVideoThatPassesOnHashtagsAloneGoesTheWayTheUnprovenSettingSays() {
        Video toReview = analysed(OptionalDouble.empty());
        Video toAccept = analysed(OptionalDouble.empty());
        Video toReject = analysed(OptionalDouble.empty());

        StepFixture.written(step(UnprovenParticipation.REVIEW).execute(job(toReview), JobSignal.NEVER));
        StepFixture.written(step(UnprovenParticipation.ACCEPT).execute(job(toAccept), JobSignal.NEVER));
        StepFixture.written(step(UnprovenParticipation.REJECT).execute(job(toReject), JobSignal.NEVER));

        assertThat(fixture.status(toReview.id())).isEqualTo(VideoStatus.IN_REVIEW);
        assertThat(fixture.status(toAccept.id())).isEqualTo(VideoStatus.VALIDATED);
        assertThat(fixture.status(toReject.id())).isEqualTo(VideoStatus.REJECTED);
    }

    @Test
    void aLikenessToTheCampaignsReferenceProvesParticipationWithoutAScore() {
        Video video = analysed(OptionalDouble.empty());
        embeddings.replaceEmbeddings(video.id(), MODEL, List.of(visual(1, 0)));
        campaigns.addReference("reference.mp4", visual(1, 0));

        StepFixture.written(step(UnprovenParticipation.REVIEW).execute(job(video), JobSignal.NEVER));

        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.VALIDATED);
        assertThat(decisions.decisions(video.id()).get(0).breakdown()).anySatisfy(r -> {
            assertThat(r.signal()).isEqualTo(Signal.VISUAL_SIMILARITY);
            assertThat(r.score()).isEqualTo(1.0);
        });
    }

    @Test
    void theCampaignInForceDecidesNotTheDefaults() {
        campaigns.saveCampaign(campaign(Hashtags.of("oatmob"), POLICY), new UserId("root"), fixture.clock.instant());
        Video video = analysed(OptionalDouble.of(0.9));

        StepFixture.written(step(UnprovenParticipation.REVIEW).execute(job(video), JobSignal.NEVER));

        assertThat(fixture.status(video.id())).as("(0.4 * 0.9 + 0) / 0.7 is below 0.6 without the campaign's hashtag")
                .isEqualTo(VideoStatus.REJECTED);
    }

    @Test
    void aDecisionAppliedAgainLeavesTheSettledVideoAsItWas() {
        Video video = analysed(OptionalDouble.of(0.9));
        ValidateStep step = step(UnprovenParticipation.REVIEW);
        StepFixture.written(step.execute(job(video), JobSignal.NEVER));
        Instant settledAt = fixture.store.loadVideo(video.id()).orElseThrow().updatedAt();
        fixture.clock.advance(Duration.ofMinutes(5));

        StepFixture.written(step.execute(job(video), JobSignal.NEVER));

        Video again = fixture.store.loadVideo(video.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(VideoStatus.VALIDATED);
        assertThat(again.updatedAt()).as("the status did not move again").isEqualTo(settledAt);
    }

    @Test
    void aVideoWithNoWeighedSignalToMeasureIsNotDecided() {
        campaigns.saveCampaign(campaign(Hashtags.of("milkmob"), new ValidationPolicy(Map.of(Signal.PARTICIPATION, 1.0), 0.5)),
                new UserId("root"), fixture.clock.instant());
        Video video = analysed(OptionalDouble.empty());

        assertThatThrownBy(() -> step(UnprovenParticipation.REVIEW).execute(job(video), JobSignal.NEVER))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("no weighted signal");

        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.ANALYZED);
        assertThat(decisions.decisions(video.id())).isEmpty();
    }

    private ValidateStep step(UnprovenParticipation unproven) {
        return new ValidateStep(fixture.videos, new ValidationService(analyses, embeddings, campaigns,
                new CampaignProvider(campaigns, CAMPAIGN), MODEL, unproven), decisions);
    }

    /** An analysed video carrying {@code #milkmob}, whose analysis gives {@code participation}. */
    private Video analysed(OptionalDouble participation) {
        Video video = fixture.processing();
        video.markAnalyzed(fixture.clock.instant());
        analyses.saveAnalysis(new Analysis(video.id(), "scripted", participation, "", "milk, poured", List.of(), AudioHints.NO_AUDIO,
                fixture.clock.instant()));
        return fixture.store.saveVideo(video);
    }

    private static Embedding visual(float x, float y) {
        return new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 10), new float[] {x, y});
    }

    private static CampaignSettings campaign(Hashtags hashtags, ValidationPolicy policy) {
        return new CampaignSettings(new Campaign("Milk Mob", "people pouring milk", hashtags, List.of("milk")), policy, 0.2, 0.8);
    }

    private static PipelineJob job(Video video) {
        return StepFixture.job(video, PipelineStep.VALIDATE, Map.of());
    }
}
