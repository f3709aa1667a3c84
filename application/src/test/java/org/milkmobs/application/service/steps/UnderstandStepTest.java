package org.milkmobs.application.service.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryCampaignStore;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/** The understand step on the in-memory stores, with an analyzer that answers as scripted. */
class UnderstandStepTest {

    private static final CampaignSettings CAMPAIGN = new CampaignSettings(new Campaign("Milk Mob", "people pouring milk",
            Hashtags.of("milkmob"), List.of("milk")), ValidationPolicy.DEFAULT, 0.2, 0.8);

    private final StepFixture fixture = new StepFixture();
    private final InMemoryAnalysisStore analyses = new InMemoryAnalysisStore();
    private final ScriptedUnderstanding understanding = new ScriptedUnderstanding();
    private final UnderstandStep step = new UnderstandStep(fixture.videos, understanding, analyses,
            new CampaignProvider(new InMemoryCampaignStore(), CAMPAIGN));

    @Test
    void theAnalysisIsWrittenWithTheCompletionAndTheAnalyzerReadsTheCampaignInForce() {
        Video video = fixture.processing();

        StepOutcome outcome = step.execute(StepFixture.job(video, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER);

        assertThat(outcome).isInstanceOf(StepOutcome.Completed.class);
        assertThat(analyses.findAnalysis(video.id())).as("nothing before the completion's write").isEmpty();
        StepFixture.written(outcome);
        assertThat(analyses.findAnalysis(video.id())).hasValueSatisfying(a -> assertThat(a.summary()).isEqualTo("milk, poured"));
        assertThat(understanding.campaigns).containsExactly(CAMPAIGN.campaign());
    }

    @Test
    void aDuplicateReusesItsOriginalsAnalysisWithoutCallingTheAnalyzer() {
        Video original = fixture.processing();
        analyses.saveAnalysis(analysisOf(original, Instant.parse("2026-11-01T09:00:00Z")));
        Video copy = fixture.processing();
        copy.markDuplicateOf(original.id());
        fixture.store.saveVideo(copy);

        StepFixture.written(step.execute(StepFixture.job(copy, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER));

        assertThat(analyses.findAnalysis(copy.id())).hasValueSatisfying(a -> {
            assertThat(a.summary()).isEqualTo("milk, poured");
            assertThat(a.analyzedAt()).isEqualTo(fixture.clock.instant());
        });
        assertThat(understanding.campaigns).isEmpty();
    }

    @Test
    void aBudgetRefusalDefersTheVideoAndAPaidCallLaterResumesIt() {
        Video video = fixture.processing();
        understanding.failure = new BudgetExhaustedException("daily budget spent", fixture.clock.instant(),
                fixture.clock.instant().plus(Duration.ofHours(2)));

        assertThat(StepFixture.written(step.execute(StepFixture.job(video, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER)))
                .isInstanceOfSatisfying(StepOutcome.Snoozed.class, s -> assertThat(s.delay()).isEqualTo(Duration.ofHours(2)));
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.DEFERRED);

        understanding.failure = null;
        StepFixture.written(step.execute(StepFixture.job(video, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER));
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.PROCESSING);
    }

    @Test
    void aBusyAnalyzerSnoozesAndAFailureFailsAsTheAnalyzerSays() {
        Video video = fixture.processing();
        understanding.failure = new AnalyzerBusyException("throttled", Duration.ofSeconds(15), null);
        assertThat(step.execute(StepFixture.job(video, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER))
                .isInstanceOfSatisfying(StepOutcome.Snoozed.class, s -> assertThat(s.delay()).isEqualTo(Duration.ofSeconds(15)));

        understanding.failure = new AnalysisFailedException("no frames", true);
        assertThat(step.execute(StepFixture.job(video, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER))
                .isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> {
                    assertThat(failed.permanent()).isTrue();
                    assertThat(failed.failure().code()).isEqualTo(FailureCode.ANALYSIS_FAILED);
                });

        understanding.failure = new AnalysisFailedException("timed out", false);
        assertThat(step.execute(StepFixture.job(video, PipelineStep.UNDERSTAND, Map.of()), JobSignal.NEVER))
                .isInstanceOfSatisfying(StepOutcome.Failed.class, failed -> assertThat(failed.permanent()).isFalse());
        assertThat(fixture.status(video.id())).isEqualTo(VideoStatus.PROCESSING);
    }

    private static Analysis analysisOf(Video video, Instant at) {
        return new Analysis(video.id(), "scripted", OptionalDouble.of(0.9), "MILK", "milk, poured", List.of(),
                AudioHints.NO_AUDIO, at);
    }

    /** Answers with an analysis, or throws what it is told to; remembers the campaigns it was asked about. */
    private static final class ScriptedUnderstanding implements VideoUnderstanding {
        final List<Campaign> campaigns = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Analysis understand(VideoMedia media, Campaign campaign, Instant now) {
            if (failure != null) {
                throw failure;
            }
            campaigns.add(campaign);
            return new Analysis(media.videoId(), "scripted", OptionalDouble.of(0.9), "MILK", "milk, poured", List.of(),
                    AudioHints.NO_AUDIO, now);
        }
    }
}
