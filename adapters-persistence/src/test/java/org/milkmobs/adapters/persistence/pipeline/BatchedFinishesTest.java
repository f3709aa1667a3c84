package org.milkmobs.adapters.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.port.in.pipeline.JobLostException;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase.CompletedJob;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.pipeline.BatchedFinishes;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/** Completions written in batches keep what one-by-one completions promise: the fence, and joins run once. */
class BatchedFinishesTest {

    private static PipelineRig rig;

    @BeforeAll
    static void start() {
        rig = new PipelineRig("batched_finishes");
    }

    @BeforeEach
    void emptyTables() {
        PersistenceTest.emptyAllTables(rig.database);
        rig.database.execute("DELETE FROM test_execution");
        rig.clock.set(java.time.Instant.parse("2026-11-23T10:00:00Z"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aStaleHoldersCompleteInABatchIsRefusedWhileTheBatchsHeldJobsCommit() {
        PipelineRig.Node zombie = rig.node();
        PipelineRig.Node healthy = rig.node();
        VideoId rescuedVideo = rig.startWorkflows(1).get(0);
        PipelineJob stale = claimOne(zombie, rescuedVideo);
        rig.clock.advance(PipelineRig.RETRY.lease().plusSeconds(1));
        healthy.worker.rescueExpired();
        PipelineJob current = claimOne(healthy, rescuedVideo);
        VideoId heldVideo = rig.startWorkflows(1).get(0);
        PipelineJob held = claimOne(zombie, heldVideo);

        Set<JobLease> lost = new BatchedFinishes(zombie.worker, 10).finishAll(List.of(recorded(zombie, stale), recorded(zombie, held)));

        assertThat(lost).containsExactly(stale.lease());
        assertThat(executions(rescuedVideo)).as("the stale holder's results were not written").isZero();
        assertThat(executions(heldVideo)).isEqualTo(1);
        JobRecord rescued = job(healthy, rescuedVideo, PipelineStep.PREFLIGHT);
        assertThat(rescued.state()).isEqualTo(JobState.RUNNING);
        assertThat(rescued.attemptsUsed()).isEqualTo(current.lease().attempt());
        assertThat(job(healthy, heldVideo, PipelineStep.PREFLIGHT).state()).isEqualTo(JobState.COMPLETED);
        assertThat(EnumSet.of(PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.EMBED))
                .as("the parallel branches after preflight were enqueued together")
                .allSatisfy(step -> assertThat(job(healthy, heldVideo, step).state()).isEqualTo(JobState.AVAILABLE));
        assertThatThrownBy(() -> new BatchedFinishes(zombie.worker, 10).finish(stale,
                StepOutcome.completed(() -> zombie.recordExecution(rescuedVideo, "preflight", stale.lease().attempt()))))
                .isInstanceOf(JobLostException.class);
        new BatchedFinishes(healthy.worker, 10).finish(current, StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        assertThat(job(healthy, rescuedVideo, PipelineStep.PREFLIGHT).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void workersSharingAGroupCommitRunEveryJobOnceAndEveryJoinOnce() throws Exception {
        int videos = 40;
        List<VideoId> ids = rig.startWorkflows(videos);
        PipelineRig.Node committer = rig.node();
        BatchedFinishes finishes = new BatchedFinishes(committer.worker, 16);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            PipelineRig.Node node = rig.node();
            String name = "thread" + t;
            results.add(pool.submit(() -> {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (System.nanoTime() < deadline && running(node) > 0) {
                    for (PipelineJob job : node.worker.claim(name, EnumSet.allOf(PipelineStep.class), 3)) {
                        runs.computeIfAbsent(job.lease().videoId() + "/" + job.step(), k -> new AtomicInteger()).incrementAndGet();
                        // the write runs on the committing thread's connection, in the batch's transaction
                        finishes.finish(job, StepOutcome.completed(() ->
                                committer.recordExecution(job.lease().videoId(), job.step().wireName(), job.lease().attempt())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> result : results) {
            result.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int jobs = videos * PipelineStep.values().length;
        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(rig.count("SELECT count(*) FROM test_execution")).isEqualTo(jobs);
        assertThat(rig.count("SELECT count(*) FROM workflow WHERE status = 'SUCCEEDED'")).isEqualTo(videos);
        assertThat(rig.count("SELECT count(*) FROM workflow_event WHERE type = 'TaskScheduled' AND step = 'write-results'"))
                .as("each join ran once").isEqualTo(videos);
        assertThat(rig.count("SELECT count(*) FROM workflow_event WHERE type = 'TaskSucceeded'")).isEqualTo(jobs);
    }

    private static CompletedJob recorded(PipelineRig.Node node, PipelineJob job) {
        return new CompletedJob(job, StepOutcome.completed(() ->
                node.recordExecution(job.lease().videoId(), job.step().wireName(), job.lease().attempt())));
    }

    private static PipelineJob claimOne(PipelineRig.Node node, VideoId video) {
        List<PipelineJob> jobs = node.worker.claim("worker", EnumSet.of(PipelineStep.PREFLIGHT), 1000);
        node.worker.release(jobs.stream().map(PipelineJob::lease).filter(lease -> !lease.videoId().equals(video)).toList());
        return jobs.stream().filter(job -> job.lease().videoId().equals(video)).findFirst().orElseThrow();
    }

    private static long running(PipelineRig.Node node) {
        return node.inTransaction(em -> ((Number) em.createNativeQuery("SELECT count(*) FROM workflow WHERE status = 'RUNNING'")
                .getSingleResult()).longValue());
    }

    private static long executions(VideoId video) {
        return rig.count("SELECT count(*) FROM test_execution WHERE video_id = '" + video + "'");
    }

    private static JobRecord job(PipelineRig.Node node, VideoId video, PipelineStep step) {
        return node.inTransaction(em -> node.admin.jobs(Optional.empty(), Optional.of(step), Optional.empty(), 10_000))
                .stream().filter(j -> j.videoId().equals(video)).findFirst().orElseThrow();
    }
}
