package org.milkmobs.application.service.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.milkmobs.application.port.in.pipeline.JobLostException;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase.CompletedJob;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;

/**
 * Group commit for finished steps, after River's batch completer: a completed job waits in a queue while
 * another batch is being written, then goes with every other completion that arrived meanwhile in one
 * transaction ({@link PipelineWorkerUseCase#finishCompleted}), so under load many jobs share one commit, and
 * when idle a completion is written at once, without a timer. The thread that finds no batch being written
 * writes it, and keeps writing until the queue is empty.
 *
 * <p>Fencing is the use case's: each job's complete names its lease, and a lost job fails with
 * {@link JobLostException} alone. Should a batch fail (a result write that throws, a deadlock), its jobs are
 * finished one by one, so one bad job does not hold the others back. Snoozes and failures are not batched.
 */
public final class BatchedFinishes {

    /** Enough to share a commit among many jobs; small enough that a batch holds its workflow locks briefly. */
    public static final int DEFAULT_MAX_BATCH = 100;

    private final PipelineWorkerUseCase worker;
    private final int maxBatch;
    private final List<Pending> queue = new ArrayList<>();
    private boolean writing;

    public BatchedFinishes(PipelineWorkerUseCase worker, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.worker = worker;
        this.maxBatch = maxBatch;
    }

    /**
     * As {@link PipelineWorkerUseCase#finish}: returns once the outcome is committed.
     *
     * @throws JobLostException when the job was taken away meanwhile; nothing of it was written
     */
    public void finish(PipelineJob job, StepOutcome outcome) {
        if (!(outcome instanceof StepOutcome.Completed completed)) {
            worker.finish(job, outcome);
            return;
        }
        Pending pending = new Pending(new CompletedJob(job, completed), new CompletableFuture<>());
        submit(List.of(pending));
        await(pending);
    }

    /**
     * Finishes several completed jobs together (a claimed batch whose steps ended at once); returns the leases
     * that were lost. Every job is finished or refused before it returns; should some fail otherwise, the first
     * such failure is thrown then.
     */
    public Set<JobLease> finishAll(List<CompletedJob> jobs) {
        List<Pending> pending = jobs.stream().map(job -> new Pending(job, new CompletableFuture<>())).toList();
        submit(pending);
        Set<JobLease> lost = new HashSet<>();
        RuntimeException failure = null;
        for (Pending p : pending) {
            try {
                await(p);
            } catch (JobLostException e) {
                lost.add(p.job().job().lease());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return lost;
    }

    private void submit(List<Pending> pending) {
        synchronized (queue) {
            queue.addAll(pending);
            if (writing) {
                return;
            }
            writing = true;
        }
        while (true) {
            List<Pending> batch;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    writing = false;
                    return;
                }
                List<Pending> head = queue.subList(0, Math.min(maxBatch, queue.size()));
                batch = List.copyOf(head);
                head.clear();
            }
            write(batch);
        }
    }

    private void write(List<Pending> batch) {
        try {
            Set<JobLease> lost = worker.finishCompleted(batch.stream().map(Pending::job).toList());
            for (Pending p : batch) {
                JobLease lease = p.job().job().lease();
                if (lost.contains(lease)) {
                    p.done().completeExceptionally(new JobLostException(lease));
                } else {
                    p.done().complete(null);
                }
            }
        } catch (RuntimeException | Error batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailed);
                return;
            }
            for (Pending p : batch) {
                try {
                    worker.finish(p.job().job(), p.job().outcome());
                    p.done().complete(null);
                } catch (RuntimeException | Error e) {
                    p.done().completeExceptionally(e);
                }
            }
        }
    }

    private static void await(Pending pending) {
        try {
            pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while job " + pending.job().job().lease().jobId() + " was being finished", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Pending(CompletedJob job, CompletableFuture<Void> done) {
    }
}
