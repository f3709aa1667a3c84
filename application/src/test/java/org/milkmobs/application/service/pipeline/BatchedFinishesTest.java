package org.milkmobs.application.service.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.pipeline.JobLostException;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/** The group commit: who shares a transaction, and what a lost or failing job does to the others. */
class BatchedFinishesTest {

    private final RecordingWorker worker = new RecordingWorker();

    @Test
    void completionsThatArriveWhileABatchIsWrittenShareTheNextOne() throws Exception {
        BatchedFinishes finishes = new BatchedFinishes(worker, 100);
        worker.holdFirstBatch = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PipelineJob job = job(i);
            Thread thread = new Thread(() -> finishes.finish(job, StepOutcome.completed(StepOutcome.ResultWrite.NONE)));
            thread.start();
            threads.add(thread);
            if (i == 0) {
                worker.firstBatchStarted.await(10, TimeUnit.SECONDS);
            }
        }
        for (Thread waiting : threads.subList(1, 4)) {
            while (waiting.getState() != Thread.State.WAITING) {
                Thread.sleep(1); // until it waits for its batch
            }
        }
        worker.holdFirstBatch.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertThat(worker.batches).extracting(List::size).containsExactly(1, 3);
    }

    @Test
    void aLostJobIsRefusedAloneAndTheOthersOfItsBatchAreWritten() {
        PipelineJob lost = job(1);
        worker.lost.add(lost.lease());

        Set<JobLease> refused = new BatchedFinishes(worker, 100).finishAll(List.of(completed(job(0)), completed(lost), completed(job(2))));

        assertThat(refused).containsExactly(lost.lease());
        assertThat(worker.written).containsExactlyInAnyOrder(job(0).lease(), job(2).lease());
        assertThatThrownBy(() -> new BatchedFinishes(worker, 100).finish(lost, StepOutcome.completed(StepOutcome.ResultWrite.NONE)))
                .isInstanceOf(JobLostException.class);
    }

    @Test
    void aBatchThatFailsIsRetriedJobByJobSoOneBadJobHoldsBackNoOther() {
        PipelineJob bad = job(1);
        StepOutcome.Completed failing = StepOutcome.completed(() -> {
            throw new IllegalStateException("bad result");
        });

        assertThatThrownBy(() -> new BatchedFinishes(worker, 100).finishAll(List.of(completed(job(0)),
                new PipelineWorkerUseCase.CompletedJob(bad, failing), completed(job(2)))))
                .hasMessage("bad result");

        assertThat(worker.written).containsExactlyInAnyOrder(job(0).lease(), job(2).lease());
    }

    @Test
    void snoozesAndFailuresAreNotBatched() {
        new BatchedFinishes(worker, 100).finish(job(0), StepOutcome.retryable("later"));

        assertThat(worker.batches).isEmpty();
        assertThat(worker.oneByOne).containsExactly(job(0).lease());
    }

    private static PipelineWorkerUseCase.CompletedJob completed(PipelineJob job) {
        return new PipelineWorkerUseCase.CompletedJob(job, StepOutcome.completed(StepOutcome.ResultWrite.NONE));
    }

    private static PipelineJob job(int id) {
        return new PipelineJob(new JobLease(id, new VideoId(new UUID(0, id)), PipelineStep.PREFLIGHT, 1), 3, 0, Map.of());
    }

    /** Writes a batch all or nothing, as one transaction does; lost leases are refused by the fence. */
    private static final class RecordingWorker implements PipelineWorkerUseCase {
        final List<List<JobLease>> batches = new CopyOnWriteArrayList<>();
        final List<JobLease> written = new CopyOnWriteArrayList<>();
        final List<JobLease> oneByOne = new CopyOnWriteArrayList<>();
        final Set<JobLease> lost = new HashSet<>();
        final CountDownLatch firstBatchStarted = new CountDownLatch(1);
        volatile CountDownLatch holdFirstBatch = new CountDownLatch(0);

        @Override
        public Set<JobLease> finishCompleted(List<CompletedJob> jobs) {
            batches.add(jobs.stream().map(j -> j.job().lease()).toList());
            firstBatchStarted.countDown();
            try {
                holdFirstBatch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            List<JobLease> inThisTransaction = new ArrayList<>();
            Set<JobLease> refused = new HashSet<>();
            for (CompletedJob job : jobs) {
                if (lost.contains(job.job().lease())) {
                    refused.add(job.job().lease());
                } else {
                    job.outcome().write().apply();
                    inThisTransaction.add(job.job().lease());
                }
            }
            written.addAll(inThisTransaction);
            return refused;
        }

        @Override
        public void finish(PipelineJob job, StepOutcome outcome) {
            oneByOne.add(job.lease());
            if (lost.contains(job.lease())) {
                throw new JobLostException(job.lease());
            }
            if (outcome instanceof StepOutcome.Completed completed) {
                completed.write().apply();
                written.add(job.lease());
            }
        }

        @Override
        public List<PipelineJob> claim(String worker, Set<PipelineStep> steps, int limit) {
            return List.of();
        }

        @Override
        public List<PipelineJob> claimEach(String worker, Map<PipelineStep, Integer> room) {
            return List.of();
        }

        @Override
        public Set<JobLease> heartbeat(Collection<JobLease> leases) {
            return Set.of();
        }

        @Override
        public void release(Collection<JobLease> leases) {
        }

        @Override
        public int rescueExpired() {
            return 0;
        }
    }
}
