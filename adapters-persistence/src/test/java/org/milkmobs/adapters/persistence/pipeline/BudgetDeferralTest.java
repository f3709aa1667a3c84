package org.milkmobs.adapters.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.budget.BudgetStorageForTests;
import org.milkmobs.adapters.persistence.embedding.EmbeddingStorageForTests;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.service.budget.BudgetGuard;
import org.milkmobs.application.service.steps.EmbedStep;
import org.milkmobs.application.service.steps.StepVideos;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Defer, don't drop: the embed step of a video whose paid call does not fit the hour's ceiling leaves the
 * video DEFERRED with its job asleep until the next hour, and the pipeline picks it up by itself then. The
 * real job table, ledger and budget guard; the clock is the test's.
 */
class BudgetDeferralTest {

    private static final EmbeddingModel MODEL = EmbeddingModel.MARENGO_3;
    private static PipelineRig rig;

    @BeforeAll
    static void start() {
        rig = new PipelineRig("budget_deferral");
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aDeferredVideoResumesByItselfWhenTheWindowRollsOver() {
        PersistenceTest.emptyAllTables(rig.database);
        rig.clock.set(Instant.parse("2026-11-23T10:20:00Z"));
        PipelineRig.Node node = rig.node();
        BudgetLedger ledger = BudgetStorageForTests.ledger(node.em);
        ledger.changeLimits(ledger.limits().change(List.of(new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.HOUR,
                Optional.of(new BigDecimal("0.015")))), rig.clock.instant()), "admin", "tight hour");
        PaidCallGate gate = new BudgetGuard(new Budget(PriceTable.empty().with(MODEL.id(), PricedUnit.MEDIA_SECOND, new BigDecimal("0.001")),
                BudgetMode.STRICT), ledger, Duration.ofMinutes(10), rig.clock);
        var videos = VideoStorageForTests.adapter(node.em);
        EmbedStep step = new EmbedStep(new StepVideos(videos, videos, rig.clock), new PaidEmbedder(gate), EmbeddingStorageForTests.adapter(node.em),
                new org.milkmobs.application.testing.InMemoryFingerprintStore(), new org.milkmobs.application.testing.InMemoryFrameFingerprinter());

        VideoId id = rig.startWorkflows(1).get(0);
        node.inTransaction(em -> {
            Video video = videos.loadVideo(id).orElseThrow();
            video.startProcessing(rig.clock.instant());
            videos.saveVideo(video);
            return node.workflows.enqueue(id, PipelineStep.EMBED, PipelineRig.RETRY.maxAttempts(), rig.clock.instant(), rig.clock.instant());
        });
        // earlier in the hour, another video spent a cent; this video's 10 s (another cent) does not fit
        gate.settle(gate.reserve(new PaidCall(MODEL.id(), ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0),
                UsageRecord.Subject.video(VideoId.generate()))), usage(VideoId.generate()));

        StepOutcome refused = runEmbed(node, step);
        assertThat(refused).isInstanceOf(StepOutcome.Snoozed.class);
        assertThat(status(node, id)).isEqualTo(VideoStatus.DEFERRED);
        assertThat(rig.count("SELECT count(*) FROM job WHERE step = 'embed' AND state = 'AVAILABLE' AND snoozes = 1"
                + " AND run_at = '2026-11-23T11:00:00Z'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM model_usage")).isEqualTo(1);

        rig.clock.set(Instant.parse("2026-11-23T10:59:59Z"));
        assertThat(node.worker.claim("w", Set.of(PipelineStep.EMBED), 1)).isEmpty();

        rig.clock.set(Instant.parse("2026-11-23T11:00:01Z"));
        StepOutcome resumed = runEmbed(node, step);
        assertThat(resumed).isInstanceOf(StepOutcome.Completed.class);
        assertThat(status(node, id)).isEqualTo(VideoStatus.PROCESSING);
        assertThat(rig.count("SELECT count(*) FROM job WHERE step = 'embed' AND state = 'COMPLETED'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM embedding WHERE video_id = '" + id + "'")).isEqualTo(1);
        assertThat(rig.count("SELECT count(*) FROM model_usage WHERE video_id = '" + id + "'")).isEqualTo(1);
    }

    private static StepOutcome runEmbed(PipelineRig.Node node, EmbedStep step) {
        List<PipelineJob> claimed = node.worker.claim("w", Set.of(PipelineStep.EMBED), 1);
        assertThat(claimed).hasSize(1);
        StepOutcome outcome = step.execute(claimed.get(0), JobSignal.NEVER);
        node.worker.finish(claimed.get(0), outcome);
        return outcome;
    }

    private static VideoStatus status(PipelineRig.Node node, VideoId id) {
        return node.inTransaction(em -> VideoStorageForTests.adapter(em).loadVideo(id).orElseThrow().status());
    }

    private static UsageRecord usage(VideoId video) {
        return new UsageRecord(rig.clock.instant(), MODEL.id(), ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0), 0,
                Duration.ofMillis(3), new BigDecimal("0.01"), Optional.empty(), UsageRecord.Subject.video(video), Optional.empty());
    }

    /** A one-shot paid embedder: it passes the budget like the Bedrock adapter does, and pays for 10 s of video. */
    private static final class PaidEmbedder implements VideoEmbedder {

        private final PaidCallGate gate;

        PaidEmbedder(PaidCallGate gate) {
            this.gate = gate;
        }

        @Override
        public EmbeddingModel model() {
            return MODEL;
        }

        @Override
        public Progress embed(VideoMedia media, Map<String, String> state) {
            Reservation reservation = gate.reserve(new PaidCall(MODEL.id(), ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0),
                    UsageRecord.Subject.video(media.videoId())));
            gate.settle(reservation, usage(media.videoId()));
            float[] vector = new float[MODEL.dimension()];
            vector[0] = 1;
            return new Progress.Done(List.of(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 10), vector)));
        }

        @Override
        public Progress embedUpload(org.milkmobs.application.port.out.analysis.UploadedMedia media, Map<String, String> state) {
            throw new UnsupportedOperationException("the pipeline embeds catalogue videos");
        }
    }
}
