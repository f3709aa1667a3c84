package org.milkmobs.adapters.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.in.pipeline.JobLostException;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.service.pipeline.StepLimits;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.pipeline.WorkflowStatus;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** The properties users rely on in River, Oban and db-scheduler, on our job table and a real PostgreSQL. */
class JobTableTest {

    private static final Set<PipelineStep> ALL = EnumSet.allOf(PipelineStep.class);

    private static PipelineRig rig;

    @BeforeAll
    static void start() {
        rig = new PipelineRig("job_table");
    }

    @BeforeEach
    void emptyTables() {
        org.milkmobs.adapters.persistence.testing.PersistenceTest.emptyAllTables(rig.database);
        rig.database.execute("DELETE FROM test_execution");
        rig.clock.set(java.time.Instant.parse("2026-11-23T10:00:00Z"));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void severalWorkerPoolsRunEveryJobExactlyOnceAndNoneIsStuck() throws Exception {
        int videos = 120;
        List<VideoId> ids = rig.startWorkflows(videos);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            PipelineRig.Node node = rig.node();
            String name = "pool" + (w % 4) + "-thread" + w;
            results.add(pool.submit(() -> workUntilIdle(node, name, ids, runs)));
        }
        int finished = 0;
        for (Future<Integer> result : results) {
            finished += result.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int jobs = videos * PipelineStep.values().length;
        assertThat(finished).isEqualTo(jobs);
        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        String mine = "video_id IN (" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")";
        assertThat(rig.count("SELECT count(*) FROM test_execution WHERE " + mine)).isEqualTo(jobs);
        assertThat(rig.count("SELECT count(*) FROM job WHERE state <> 'COMPLETED' AND " + mine)).isZero();
        assertThat(rig.count("SELECT count(*) FROM workflow WHERE status = 'SUCCEEDED' AND " + mine)).isEqualTo(videos);
        // a join ran exactly once per workflow
        assertThat(rig.count("SELECT count(*) FROM workflow_event WHERE type = 'TaskScheduled' AND step = 'write-results' AND " + mine))
                .isEqualTo(videos);
    }

    /** Claims and completes until every given workflow has finished; returns the jobs this worker completed. */
    private static int workUntilIdle(PipelineRig.Node node, String name, List<VideoId> ids, Map<String, AtomicInteger> runs) {
        int done = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<PipelineJob> jobs = node.worker.claim(name, ALL, 5);
            if (jobs.isEmpty()) {
                if (allFinished(node, ids)) {
                    return done;
                }
                Thread.onSpinWait();
                continue;
            }
            for (PipelineJob job : jobs) {
                runs.computeIfAbsent(job.lease().videoId() + "/" + job.step(), k -> new AtomicInteger()).incrementAndGet();
                node.worker.finish(job, StepOutcome.completed(() ->
                        node.recordExecution(job.lease().videoId(), job.step().wireName(), job.lease().attempt())));
                done++;
            }
        }
        throw new AssertionError(name + " gave up: workflows still running");
    }

    private static boolean allFinished(PipelineRig.Node node, List<VideoId> ids) {
        return node.inTransaction(em -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM workflow WHERE status = 'RUNNING' AND video_id = ANY (CAST(:ids AS uuid[]))")
                .setParameter("ids", ids.stream().map(VideoId::toString).toArray(String[]::new))
                .getSingleResult()).longValue() == 0);
    }

    @Test
    void aDeadWorkersJobIsRescuedAfterItsLeaseAndRerunsWithTheNextAttempt() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        PipelineJob first = claimOne(node, video, PipelineStep.PREFLIGHT);
        assertThat(first.lease().attempt()).isEqualTo(1);
        // the worker dies here: no heartbeat, no completion

        rig.clock.advance(PipelineRig.RETRY.lease().minusSeconds(1));
        assertThat(node.worker.rescueExpired()).as("not before the lease expires").isZero();
        rig.clock.advance(Duration.ofSeconds(2));
        assertThat(node.worker.rescueExpired()).isEqualTo(1);

        PipelineJob second = claimOne(node, video, PipelineStep.PREFLIGHT);
        assertThat(second.lease().attempt()).isEqualTo(2);
        assertThat(second.attemptsUsed()).isEqualTo(2);
        assertThat(history(node, video)).extracting(HistoryEvent::type)
                .containsSubsequence(HistoryEventType.TaskStarted, HistoryEventType.TaskTimedOut, HistoryEventType.TaskStarted);
        node.worker.finish(second, StepOutcome.completed(StepOutcome.ResultWrite.NONE));
    }

    @Test
    void aJobAbandonedOnItsLastAttemptGoesDeadAndFailsItsWorkflowAndVideo() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        for (int attempt = 1; attempt <= PipelineRig.RETRY.maxAttempts(); attempt++) {
            PipelineJob job = claimOne(node, video, PipelineStep.PREFLIGHT);
            assertThat(job.lease().attempt()).isEqualTo(attempt);
            rig.clock.advance(PipelineRig.RETRY.lease().plusSeconds(1));
            assertThat(node.worker.rescueExpired()).isEqualTo(1);
        }

        JobRecord dead = onlyJob(node, video, PipelineStep.PREFLIGHT);
        assertThat(dead.state()).isEqualTo(JobState.DEAD);
        assertThat(dead.lastError()).contains("lease").contains("expired");
        assertThat(node.admin.progress(video)).map(WorkflowProgress::status).contains(WorkflowStatus.FAILED);
        var stored = node.inTransaction(em -> VideoStorageForTests.adapter(em).loadVideo(video)).orElseThrow();
        assertThat(stored.status()).isEqualTo(VideoStatus.FAILED);
        assertThat(stored.failure().orElseThrow().code()).isEqualTo(FailureCode.PIPELINE_FAILED);
        assertThat(node.worker.claim("w", ALL, 10)).noneMatch(j -> j.lease().videoId().equals(video));
    }

    @Test
    void aLongJobThatKeepsHeartbeatingIsNotRescued() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        PipelineJob job = claimOne(node, video, PipelineStep.PREFLIGHT);

        for (int beat = 0; beat < 5; beat++) {
            rig.clock.advance(PipelineRig.RETRY.lease().dividedBy(2));
            assertThat(node.worker.heartbeat(List.of(job.lease()))).isEmpty();
            assertThat(node.worker.rescueExpired()).isZero();
        }

        node.worker.finish(job, StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        assertThat(onlyJob(node, video, PipelineStep.PREFLIGHT).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void aZombieWorkersLateWritesChangeNothing() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node zombie = rig.node();
        PipelineRig.Node healthy = rig.node();
        PipelineJob stale = claimOne(zombie, video, PipelineStep.PREFLIGHT);
        rig.clock.advance(PipelineRig.RETRY.lease().plusSeconds(1));
        healthy.worker.rescueExpired();
        PipelineJob current = claimOne(healthy, video, PipelineStep.PREFLIGHT);

        assertThatThrownBy(() -> zombie.worker.finish(stale, StepOutcome.completed(
                () -> zombie.recordExecution(video, "zombie", stale.lease().attempt()))))
                .isInstanceOf(JobLostException.class);
        assertThatThrownBy(() -> zombie.worker.finish(stale, StepOutcome.retryable("late failure")))
                .isInstanceOf(JobLostException.class);
        assertThat(zombie.worker.heartbeat(List.of(stale.lease()))).containsExactly(stale.lease());
        assertThat(zombie.queue.complete(stale.lease(), rig.clock.instant()))
                .as("the fenced update itself changes 0 rows").isFalse();

        assertThat(rig.count("SELECT count(*) FROM test_execution WHERE step = 'zombie' AND video_id = '" + video + "'")).isZero();
        JobRecord job = onlyJob(healthy, video, PipelineStep.PREFLIGHT);
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.leaseOwner()).isEqualTo("healthy");
        healthy.worker.finish(current, StepOutcome.completed(StepOutcome.ResultWrite.NONE));
    }

    @Test
    void concurrentEnqueuesOfTheSameStepMakeOneJob() throws Exception {
        VideoId video = rig.startWorkflows(1).get(0);
        CyclicBarrier together = new CyclicBarrier(3);
        List<Callable<Boolean>> enqueues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PipelineRig.Node node = rig.node();
            enqueues.add(() -> node.inTransaction(em -> {
                await(together);
                return node.workflows.enqueue(video, PipelineStep.EMBED, 3, rig.clock.instant(), rig.clock.instant());
            }));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Boolean> inserted = new ArrayList<>();
        for (Future<Boolean> f : pool.invokeAll(enqueues)) {
            inserted.add(f.get());
        }
        pool.shutdown();

        assertThat(inserted).containsOnlyOnce(true);
        assertThat(rig.count("SELECT count(*) FROM job WHERE step = 'embed' AND video_id = '" + video + "'")).isEqualTo(1);
    }

    @Test
    void anEnqueueInARolledBackTransactionLeavesNoJob() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();

        assertThatThrownBy(() -> node.inTransaction(em -> {
            node.workflows.enqueue(video, PipelineStep.THUMBNAIL, 3, rig.clock.instant(), rig.clock.instant());
            throw new IllegalStateException("the business write failed");
        })).hasMessage("the business write failed");

        assertThat(rig.count("SELECT count(*) FROM job WHERE step = 'thumbnail' AND video_id = '" + video + "'")).isZero();
        assertThat(rig.count("SELECT count(*) FROM workflow_event WHERE step = 'thumbnail' AND video_id = '" + video + "'")).isZero();
    }

    @Test
    void branchesFinishingAtTheSameInstantJoinExactlyOnce() throws Exception {
        int workflows = 30;
        List<VideoId> videos = rig.startWorkflows(workflows);
        PipelineRig.Node setup = rig.node();
        for (VideoId video : videos) {
            setup.worker.finish(claimOne(setup, video, PipelineStep.PREFLIGHT), StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        }
        List<PipelineRig.Node> nodes = List.of(rig.node(), rig.node(), rig.node());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (VideoId video : videos) {
            List<PipelineJob> branches = new ArrayList<>();
            for (PipelineStep step : List.of(PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.EMBED)) {
                branches.add(claimOne(setup, video, step));
            }
            CyclicBarrier together = new CyclicBarrier(3);
            List<Future<?>> finishing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                PipelineRig.Node node = nodes.get(i);
                PipelineJob branch = branches.get(i);
                finishing.add(pool.submit(() -> {
                    await(together);
                    node.worker.finish(branch, StepOutcome.completed(StepOutcome.ResultWrite.NONE));
                }));
            }
            for (Future<?> f : finishing) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(rig.count("SELECT count(*) FROM workflow_event WHERE type = 'TaskScheduled' AND step = 'write-results' "
                    + "AND video_id = '" + video + "'")).as("joins of %s", video).isEqualTo(1);
            assertThat(onlyJob(setup, video, PipelineStep.WRITE_RESULTS).state()).isEqualTo(JobState.AVAILABLE);
        }
        pool.shutdown();
    }

    @Test
    void aBranchFailingForGoodFailsTheWorkflowAndCancelsItsSiblings() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        node.worker.finish(claimOne(node, video, PipelineStep.PREFLIGHT), StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        PipelineJob embed = claimOne(node, video, PipelineStep.EMBED);
        PipelineJob thumbnail = claimOne(node, video, PipelineStep.THUMBNAIL);

        node.worker.finish(embed, StepOutcome.permanent(new Failure(FailureCode.ANALYSIS_FAILED, "the model refused the video")));

        assertThat(onlyJob(node, video, PipelineStep.EMBED).state()).isEqualTo(JobState.DEAD);
        assertThat(onlyJob(node, video, PipelineStep.THUMBNAIL).state()).isEqualTo(JobState.CANCELLED);
        assertThat(onlyJob(node, video, PipelineStep.UNDERSTAND).state()).isEqualTo(JobState.CANCELLED);
        WorkflowProgress progress = node.admin.progress(video).orElseThrow();
        assertThat(progress.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(progress.reason()).contains("embed").contains("the model refused the video");
        assertThat(node.admin.progressOf(List.of(video, VideoId.generate()))).as("a page's progress in one read")
                .containsOnlyKeys(video).containsEntry(video, progress);
        var stored = node.inTransaction(em -> VideoStorageForTests.adapter(em).loadVideo(video)).orElseThrow();
        assertThat(stored.failure()).contains(new Failure(FailureCode.ANALYSIS_FAILED, "the model refused the video"));
        // the cancelled sibling's worker finds its job gone
        assertThatThrownBy(() -> node.worker.finish(thumbnail, StepOutcome.completed(StepOutcome.ResultWrite.NONE)))
                .isInstanceOf(JobLostException.class);
        assertThat(history(node, video)).extracting(HistoryEvent::type)
                .contains(HistoryEventType.TaskFailed, HistoryEventType.TaskCancelled, HistoryEventType.ExecutionFailed);
    }

    @Test
    void retryableFailuresBackOffWithinTheirBoundsAndThenGoDead() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        for (int attempt = 1; attempt <= PipelineRig.RETRY.maxAttempts(); attempt++) {
            PipelineJob job = claimOne(node, video, PipelineStep.PREFLIGHT);
            node.worker.finish(job, StepOutcome.retryable("throttled #" + attempt));
            JobRecord record = onlyJob(node, video, PipelineStep.PREFLIGHT);
            if (attempt < PipelineRig.RETRY.maxAttempts()) {
                assertThat(record.state()).isEqualTo(JobState.AVAILABLE);
                Duration delay = Duration.between(rig.clock.instant(), record.runAt());
                assertThat(delay).isBetween(Duration.ZERO, PipelineRig.RETRY.ceilingAfter(attempt));
                assertThat(node.worker.claim("early", EnumSet.of(PipelineStep.PREFLIGHT), 10))
                        .as("not claimed before its retry time").noneMatch(j -> j.lease().videoId().equals(video) && delay.toMillis() > 0);
                rig.clock.set(record.runAt());
            } else {
                assertThat(record.state()).isEqualTo(JobState.DEAD);
                assertThat(record.lastError()).isEqualTo("throttled #3");
            }
        }
    }

    @Test
    void aSnoozeSpendsNoAttempt() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        for (int poll = 1; poll <= 10; poll++) {
            PipelineJob job = claimOne(node, video, PipelineStep.PREFLIGHT);
            assertThat(job.attemptsUsed()).isEqualTo(1);
            assertThat(job.data()).isEqualTo(poll == 1 ? Map.of() : Map.of("invocationArn", "arn:aws:bedrock:x", "polls", "" + (poll - 1)));
            node.worker.finish(job, StepOutcome.snoozed(Duration.ofSeconds(5),
                    Map.of("invocationArn", "arn:aws:bedrock:x", "polls", "" + poll)));
            assertThat(node.worker.claim("early", EnumSet.of(PipelineStep.PREFLIGHT), 10)).noneMatch(j -> j.lease().videoId().equals(video));
            rig.clock.advance(Duration.ofSeconds(5));
        }
        JobRecord record = onlyJob(node, video, PipelineStep.PREFLIGHT);
        assertThat(record.attemptsUsed()).isZero();
        assertThat(record.attemptsAllowed()).isEqualTo(PipelineRig.RETRY.maxAttempts());
    }

    @Test
    void aFutureRunAtIsNeverClaimedEarly() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        node.worker.finish(claimOne(node, video, PipelineStep.PREFLIGHT), StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        node.inTransaction(em -> node.workflows.enqueue(video, PipelineStep.VALIDATE, 3, rig.clock.instant().plusSeconds(30),
                rig.clock.instant()));

        rig.clock.advance(Duration.ofSeconds(29));
        assertThat(node.worker.claim("w", EnumSet.of(PipelineStep.VALIDATE), 100)).noneMatch(j -> j.lease().videoId().equals(video));
        rig.clock.advance(Duration.ofSeconds(1));
        assertThat(node.worker.claim("w", EnumSet.of(PipelineStep.VALIDATE), 100)).anyMatch(j -> j.lease().videoId().equals(video));
    }

    @Test
    void aRedrivenDeadJobRunsAgainAndItsWorkflowCompletes() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        node.worker.finish(claimOne(node, video, PipelineStep.PREFLIGHT), StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        node.worker.finish(claimOne(node, video, PipelineStep.EMBED),
                StepOutcome.permanent(new Failure(FailureCode.ANALYSIS_FAILED, "quota exceeded")));
        assertThat(node.admin.progress(video).orElseThrow().status()).isEqualTo(WorkflowStatus.FAILED);

        int redriven = node.inTransaction(em -> node.admin.redrive(video, 3, rig.clock.instant()));

        assertThat(redriven).as("the dead branch and its two cancelled siblings").isEqualTo(3);
        assertThat(node.admin.progress(video).orElseThrow().status()).isEqualTo(WorkflowStatus.RUNNING);
        for (PipelineStep step : List.of(PipelineStep.EMBED, PipelineStep.THUMBNAIL, PipelineStep.UNDERSTAND, PipelineStep.WRITE_RESULTS,
                PipelineStep.VALIDATE, PipelineStep.CLUSTER, PipelineStep.EMIT)) {
            node.worker.finish(claimOne(node, video, step), StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        }
        WorkflowProgress progress = node.admin.progress(video).orElseThrow();
        assertThat(progress.status()).isEqualTo(WorkflowStatus.SUCCEEDED);
        assertThat(progress.completedSteps()).isEqualTo(progress.totalSteps());
        assertThat(history(node, video)).extracting(HistoryEvent::type)
                .containsSubsequence(HistoryEventType.ExecutionFailed, HistoryEventType.TaskRedriven, HistoryEventType.ExecutionRedriven,
                        HistoryEventType.ExecutionSucceeded);
    }

    @Test
    void aPausedStepIsNotClaimedUntilResumed() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        node.inTransaction(em -> {
            node.control.pause(PipelineStep.PREFLIGHT);
            return null;
        });
        try {
            assertThat(node.worker.claim("w", ALL, 100)).noneMatch(j -> j.lease().videoId().equals(video));
        } finally {
            node.inTransaction(em -> {
                node.control.resume(PipelineStep.PREFLIGHT);
                return null;
            });
        }
        assertThat(claimOne(node, video, PipelineStep.PREFLIGHT)).isNotNull();
    }

    @Test
    void aClusterWideStepLimitHoldsWhateverTheInstancesClaimAtOnce() throws Exception {
        rig.startWorkflows(12);
        StepLimits threePreflights = new StepLimits(Map.of(PipelineStep.PREFLIGHT, 3));
        List<PipelineRig.Node> instances = List.of(rig.node(threePreflights), rig.node(threePreflights),
                rig.node(threePreflights), rig.node(threePreflights));
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        CyclicBarrier together = new CyclicBarrier(instances.size());
        List<Future<List<PipelineJob>>> claims = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            PipelineRig.Node instance = instances.get(i);
            String name = "instance-" + i;
            claims.add(pool.submit(() -> {
                await(together);
                List<PipelineJob> mine = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    mine.addAll(instance.worker.claim(name, EnumSet.of(PipelineStep.PREFLIGHT), 5));
                }
                return mine;
            }));
        }
        List<PipelineJob> running = new ArrayList<>();
        for (Future<List<PipelineJob>> claim : claims) {
            running.addAll(claim.get(1, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(running).hasSize(3);
        assertThat(rig.count("SELECT count(*) FROM job WHERE step = 'preflight' AND state = 'RUNNING'")).isEqualTo(3);
        PipelineJob first = running.get(0);
        instances.get(0).worker.finish(first, StepOutcome.completed(() -> { }));
        assertThat(instances.get(1).worker.claim("instance-1", ALL, 5)).as("room for one preflight, other steps unlimited")
                .filteredOn(job -> job.step() == PipelineStep.PREFLIGHT).hasSize(1);
    }

    @Test
    void historyEventsAreNumberedLikeStepFunctionsAndPruningRemovesOldSucceededWorkflows() {
        VideoId video = rig.startWorkflows(1).get(0);
        PipelineRig.Node node = rig.node();
        for (PipelineStep step : PipelineStep.values()) {
            node.worker.finish(claimOne(node, video, step), StepOutcome.completed(StepOutcome.ResultWrite.NONE));
        }
        List<HistoryEvent> events = history(node, video);
        assertThat(events.get(0).type()).isEqualTo(HistoryEventType.ExecutionStarted);
        assertThat(events.get(events.size() - 1).type()).isEqualTo(HistoryEventType.ExecutionSucceeded);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1);
            assertThat(events.get(i).previousEventId()).isEqualTo(i);
        }
        assertThat(events).filteredOn(e -> e.type() == HistoryEventType.TaskSucceeded).hasSize(PipelineStep.values().length);

        rig.clock.advance(Duration.ofDays(8));
        int pruned = node.inTransaction(em -> node.admin.prune(rig.clock.instant().minus(Duration.ofDays(7))));

        assertThat(pruned).isGreaterThanOrEqualTo(events.size() + PipelineStep.values().length);
        assertThat(history(node, video)).isEmpty();
        assertThat(node.admin.progress(video).orElseThrow().status()).isEqualTo(WorkflowStatus.SUCCEEDED);
    }

    /** Claims the given step's job of one video; any other job claimed on the way is given back. */
    private static PipelineJob claimOne(PipelineRig.Node node, VideoId video, PipelineStep step) {
        List<PipelineJob> jobs = node.worker.claim("healthy", EnumSet.of(step), 1000);
        List<org.milkmobs.domain.pipeline.JobLease> others = jobs.stream().map(PipelineJob::lease)
                .filter(lease -> !lease.videoId().equals(video)).toList();
        node.worker.release(others);
        return jobs.stream().filter(job -> job.lease().videoId().equals(video)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + step + " job for " + video));
    }

    private static JobRecord onlyJob(PipelineRig.Node node, VideoId video, PipelineStep step) {
        return node.inTransaction(em -> node.admin.jobs(java.util.Optional.empty(), java.util.Optional.of(step),
                java.util.Optional.empty(), 10_000)).stream().filter(j -> j.videoId().equals(video)).findFirst().orElseThrow();
    }

    /** Defect 16: a branch that took its time first but inserted last made times go backwards in id order. */
    @Test
    void theHistoryIsNumberedInTimeOrderWhateverOrderBranchesInsertedIn() {
        VideoId video = rig.startWorkflows(1).get(0);
        rig.database.execute("INSERT INTO workflow_event (video_id, at, type, step) VALUES ('" + video.value()
                + "', '2026-11-23T10:00:02Z', 'TaskSucceeded', 'understand')");
        rig.database.execute("INSERT INTO workflow_event (video_id, at, type, step) VALUES ('" + video.value()
                + "', '2026-11-23T10:00:01Z', 'TaskSucceeded', 'embed')");

        List<HistoryEvent> events = history(rig.node(), video);

        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(i + 1);
            assertThat(events.get(i).timestamp()).as("event %d", i + 1).isAfterOrEqualTo(events.get(i - 1).timestamp());
        }
        assertThat(events).extracting(HistoryEvent::step).containsSubsequence(PipelineStep.EMBED, PipelineStep.UNDERSTAND);
    }

    private static List<HistoryEvent> history(PipelineRig.Node node, VideoId video) {
        return node.inTransaction(em -> node.admin.history(video));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
