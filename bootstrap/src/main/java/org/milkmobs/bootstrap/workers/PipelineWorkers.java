package org.milkmobs.bootstrap.workers;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.Readiness;
import org.milkmobs.application.port.in.pipeline.ExecuteStepUseCase;
import org.milkmobs.application.port.in.pipeline.JobLostException;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.pipeline.JobSignals;
import org.milkmobs.application.service.pipeline.BatchedFinishes;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;

/**
 * The pipeline's workers in this instance. A dispatcher claims jobs for steps with free capacity
 * (per-step limits, so Bedrock quotas hold) and runs them on the managed executor; when idle it is woken by
 * the enqueue's NOTIFY ({@link JobSignals}), polling being the fallback; heartbeats keep
 * their leases and flag jobs that were taken away; a rescuer returns dead workers' jobs. When the
 * application is undeployed it stops claiming, lets running jobs finish for a grace period, and gives the
 * rest back; on SIGTERM it gives them back at once (see {@link #stopOnSignal()}).
 */
@ApplicationScoped
public class PipelineWorkers {

    private static final Logger LOG = Logger.getLogger(PipelineWorkers.class.getName());
    private static final long MAX_IDLE_DELAY_MILLIS = 2_000;

    @Resource(lookup = ConcurrencyResources.PIPELINE_EXECUTOR)
    ManagedExecutorService executor;

    @Resource(lookup = ConcurrencyResources.SCHEDULER)
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PipelineWorkerUseCase worker;

    @Inject
    ExecuteStepUseCase steps;

    @Inject
    RetryPolicy retry;

    @Inject
    Settings settings;

    @Inject
    InstanceName instance;

    @Inject
    JobSignals jobSignals;

    /** A health check carries the {@code @Readiness} qualifier, so it is injected by it. */
    @Inject
    @Readiness
    DrainingReadinessCheck readiness;

    private final Map<PipelineStep, Integer> capacity = new EnumMap<>(PipelineStep.class);
    private final Map<PipelineStep, AtomicInteger> busy = new EnumMap<>(PipelineStep.class);
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile long pollMillis;
    private volatile long idleDelayMillis;
    /** Guards the dispatch schedule: one dispatch at a time, and a wake-up never lost while one runs. */
    private final Object dispatchLock = new Object();
    private ScheduledFuture<?> nextDispatch;
    private boolean dispatching;
    private boolean wokenWhileDispatching;
    private String name;
    private ShutdownSignal signal;
    private BatchedFinishes finishes;

    private record Running(PipelineJob job, AtomicBoolean lost) {
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.flag("pipeline.workers.enabled")) {
            LOG.info("pipeline workers are disabled (pipeline.workers.enabled=false)");
            return;
        }
        name = instance.value();
        finishes = new BatchedFinishes(worker, BatchedFinishes.DEFAULT_MAX_BATCH);
        for (PipelineStep step : PipelineStep.values()) {
            capacity.put(step, settings.integer("pipeline.concurrency." + step.wireName()));
            busy.put(step, new AtomicInteger());
        }
        pollMillis = settings.duration("pipeline.poll-interval").toMillis();
        idleDelayMillis = pollMillis;
        long lease = retry.lease().toMillis();
        synchronized (dispatchLock) {
            scheduleDispatch(0);
        }
        threads.newThread(this::waitForJobs).start();
        schedules.add(scheduler.scheduleWithFixedDelay(this::heartbeat, lease / 3, lease / 3, TimeUnit.MILLISECONDS));
        schedules.add(scheduler.scheduleWithFixedDelay(this::rescue, lease / 2, lease / 2, TimeUnit.MILLISECONDS));
        signal = ShutdownSignal.onSignal(threads, this::stopOnSignal);
        LOG.info(() -> "pipeline workers started as " + name + " with concurrency " + capacity);
    }

    /**
     * While idle, waits on the job signals (LISTEN/NOTIFY) and dispatches as soon as an enqueue anywhere in the
     * cluster commits, instead of at the end of the idle back-off; the polling schedule stays as the fallback
     * for a lost signal or a broken listening connection.
     */
    private void waitForJobs() {
        while (!stopping.get()) {
            try {
                if (jobSignals.awaitJobs(Duration.ofMillis(MAX_IDLE_DELAY_MILLIS))) {
                    wake();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "waiting for job signals failed; polling meanwhile", e);
                if (!pause(MAX_IDLE_DELAY_MILLIS)) {
                    return;
                }
            }
        }
    }

    private void wake() {
        synchronized (dispatchLock) {
            if (dispatching) {
                wokenWhileDispatching = true;
                return;
            }
            idleDelayMillis = pollMillis;
            if (nextDispatch != null) {
                nextDispatch.cancel(false);
                nextDispatch = null;
            }
        }
        // claim on the listening thread itself: handing the dispatch to the scheduler's thread costs a wake-up of
        // another thread, which waits for a core on a loaded machine (the pickup latency, ADR 0025). A scheduled
        // dispatch that began meanwhile makes this one return at once; notifications that arrive while this one
        // claims are read after it and wake another dispatch.
        dispatch();
    }

    /** Replaces the pending dispatch (if it has not started) by one in {@code delayMillis}; call under the lock. */
    private void scheduleDispatch(long delayMillis) {
        if (stopping.get()) {
            return;
        }
        if (nextDispatch != null) {
            nextDispatch.cancel(false);
        }
        nextDispatch = scheduler.schedule(this::dispatch, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Claims what there is room for, then schedules itself again: soon when busy, backing off when idle. */
    private void dispatch() {
        synchronized (dispatchLock) {
            if (dispatching || stopping.get()) {
                return;
            }
            dispatching = true;
            wokenWhileDispatching = false;
        }
        int claimed = 0;
        try {
            // every step's free workers in one claim: a job enqueued to idle workers does not wait behind the
            // claims of the steps before its own (the pickup latency, ADR 0025)
            Map<PipelineStep, Integer> room = new EnumMap<>(PipelineStep.class);
            for (PipelineStep step : PipelineStep.values()) {
                room.put(step, capacity.get(step) - busy.get(step).get());
            }
            for (PipelineJob job : worker.claimEach(name, room)) {
                if (stopping.get()) {
                    // shutdown began while this claim ran: give the job back now, not when its lease expires
                    worker.release(List.of(job.lease()));
                    continue;
                }
                launch(job);
                claimed++;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "claiming jobs failed; trying again shortly", e);
        } finally {
            synchronized (dispatchLock) {
                dispatching = false;
                idleDelayMillis = claimed > 0 || wokenWhileDispatching ? pollMillis : Math.min(MAX_IDLE_DELAY_MILLIS, idleDelayMillis * 2);
                scheduleDispatch(wokenWhileDispatching ? 0 : idleDelayMillis);
            }
        }
    }

    private void launch(PipelineJob job) {
        Running run = new Running(job, new AtomicBoolean());
        busy.get(job.step()).incrementAndGet();
        running.put(job.lease().jobId(), run);
        try {
            executor.execute(() -> work(run));
        } catch (RuntimeException rejected) {
            done(run);
            worker.release(List.of(job.lease()));
        }
    }

    private void work(Running run) {
        PipelineJob job = run.job();
        try {
            StepOutcome outcome = steps.execute(job, run.lost()::get);
            finishOnceTheDatabaseAnswers(run, outcome);
        } catch (JobLostException lost) {
            LOG.info(lost.getMessage());
        } finally {
            done(run);
            idleDelayMillis = pollMillis;
        }
    }

    /**
     * Records the outcome (a completion in a group commit with the other workers', {@link BatchedFinishes}).
     * A failure here is the database's (an outage, a failover): the outcome is kept and recorded as soon as the
     * database answers again, so the job moves on then, not when its lease has expired; meanwhile it stays in
     * {@link #running}, so heartbeats renew its lease once they get through. Recording is one transaction fenced
     * by the lease, so a retry after a commit whose answer was lost ends in {@link JobLostException}, never twice.
     */
    private void finishOnceTheDatabaseAnswers(Running run, StepOutcome outcome) {
        PipelineJob job = run.job();
        long pauseMillis = pollMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                finishes.finish(job, outcome);
                return;
            } catch (JobLostException lost) {
                throw lost;
            } catch (RuntimeException e) {
                if (stopping.get() || Thread.currentThread().isInterrupted()) {
                    // the server is going down and took the job with it: give it back at once (fenced by its attempt)
                    giveBack(job);
                    return;
                }
                if (run.lost().get()) {
                    LOG.info(() -> "job " + job.lease().jobId() + " was taken over while its outcome waited for the database");
                    return;
                }
                LOG.log(attempt == 1 ? Level.WARNING : Level.FINE, "recording the outcome of job " + job.lease().jobId()
                        + " failed (attempt " + attempt + "); trying again until the database answers", e);
                if (!pause(pauseMillis)) {
                    giveBack(job);
                    return;
                }
                pauseMillis = Math.min(MAX_IDLE_DELAY_MILLIS, pauseMillis * 2);
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void giveBack(PipelineJob job) {
        try {
            worker.release(List.of(job.lease()));
            LOG.info(() -> "gave back job " + job.lease().jobId() + ", interrupted by the shutdown");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "giving back job " + job.lease().jobId() + " failed; its lease will expire", e);
        }
    }

    private void done(Running run) {
        running.remove(run.job().lease().jobId());
        busy.get(run.job().step()).decrementAndGet();
    }

    private void heartbeat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            List<JobLease> leases = running.values().stream().map(r -> r.job().lease()).toList();
            Set<JobLease> lost = worker.heartbeat(leases);
            running.values().stream().filter(r -> lost.contains(r.job().lease())).forEach(r -> r.lost().set(true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat failed", e);
        }
    }

    private void rescue() {
        try {
            int rescued = worker.rescueExpired();
            if (rescued > 0) {
                LOG.info(() -> "rescued " + rescued + " jobs whose workers stopped heartbeating");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rescuing expired jobs failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (signal != null) {
            signal.forget();
        }
        stop(settings.duration("pipeline.shutdown-grace"));
    }

    /**
     * On SIGTERM ({@link ShutdownSignal}) jobs are given back at once, while the pool still answers, instead of
     * staying RUNNING until their leases expire. The steps they were in are idempotent (a paid call
     * is fenced by its client request token), so running them again costs time, not money.
     */
    private void stopOnSignal() {
        stop(Duration.ZERO);
    }

    private void stop(Duration grace) {
        // first out of rotation (readiness DOWN), then no more claims
        readiness.drain();
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        schedules.forEach(s -> s.cancel(false));
        synchronized (dispatchLock) {
            if (nextDispatch != null) {
                nextDispatch.cancel(false);
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (!running.isEmpty() && System.nanoTime() < deadline && pause(100)) {
            // running jobs finish within the grace or are given back below
        }
        List<JobLease> unfinished = running.values().stream().map(r -> r.job().lease()).toList();
        if (!unfinished.isEmpty()) {
            try {
                worker.release(unfinished);
                LOG.info(() -> "gave back " + unfinished.size() + " unfinished jobs on shutdown");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not give back unfinished jobs; they return when their leases expire", e);
            }
        }
    }

    /** For tests and health: how many jobs this instance is running now. */
    public int runningJobs() {
        return running.size();
    }

}
