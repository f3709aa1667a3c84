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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase;
import org.milkmobs.application.port.in.housekeeping.HousekeeperElectionUseCase;
import org.milkmobs.application.port.in.mob.ReclusterUseCase;
import org.milkmobs.application.port.in.video.MaintenanceUseCase;
import org.milkmobs.application.port.in.video.RelayEventsUseCase;
import org.milkmobs.bootstrap.config.Settings;

/**
 * Periodic tasks: purging deleted files, relaying outbox events, completing forgotten uploads, pruning history,
 * and the scheduled (and admin-started) re-clustering. They run on one instance of a cluster at a time, the
 * elected housekeeper (each is also safe where two overlap, as when a slow housekeeper's term runs out).
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Resource(lookup = ConcurrencyResources.SCHEDULER)
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = ConcurrencyResources.PIPELINE_EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    MaintenanceUseCase maintenance;

    @Inject
    RelayEventsUseCase events;

    @Inject
    ReclusterUseCase recluster;

    @Inject
    BudgetAdminUseCase budget;

    @Inject
    HousekeeperElectionUseCase election;

    @Inject
    InstanceName instance;

    @Inject
    Settings settings;

    @Resource
    ManagedThreadFactory threads;

    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final AtomicBoolean clustering = new AtomicBoolean();
    private volatile boolean housekeeper;
    private ShutdownSignal signal;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class) Object ignored) {
        if (!settings.flag("housekeeping.enabled")) {
            LOG.info("housekeeping is disabled (housekeeping.enabled=false)");
            return;
        }
        // asking three times a term, one slow or failed renewal does not cost the term
        long renewMillis = Math.max(100, settings.duration("housekeeping.term").toMillis() / 3);
        schedules.add(scheduler.scheduleWithFixedDelay(this::standForHousekeeper, 0, renewMillis, TimeUnit.MILLISECONDS));
        signal = ShutdownSignal.onSignal(threads, this::stepDown);
        Duration fast = settings.duration("housekeeping.interval");
        every(fast, "purge deleted files", maintenance::purgeBlobs);
        every(fast, "relay events", events::relay);
        every(fast, "re-cluster mobs", this::reclusterIfAsked);
        every(fast, "label mobs", recluster::relabel);
        every(fast, "expire reservations of dead workers", budget::expireStaleReservations);
        every(settings.duration("uploads.reconcile-interval"), "reconcile uploads", maintenance::reconcileUploads);
        every(Duration.ofHours(1), "prune history", maintenance::pruneHistory);
        every(Duration.ofHours(1), "sweep abandoned files", maintenance::sweepAbandonedFiles);
    }

    /** Starts a scheduled run when due, and executes any started run, on the pipeline executor. */
    private int reclusterIfAsked() {
        recluster.failStale();
        recluster.startIfDue();
        if (clustering.compareAndSet(false, true)) {
            executor.execute(() -> {
                try {
                    recluster.executeNextQueued().ifPresent(run -> LOG.info(() -> "re-clustering " + run.id() + " " + run.status()
                            + ": K=" + run.k() + ", " + run.videos() + " videos, " + run.moved() + " moved"));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "re-clustering failed", e);
                } finally {
                    clustering.set(false);
                }
            });
        }
        return 0;
    }

    private void standForHousekeeper() {
        try {
            boolean serving = election.serve(instance.value());
            if (serving != housekeeper) {
                LOG.info(() -> instance.value() + (serving ? " is the housekeeper now" : " is no longer the housekeeper"));
            }
            housekeeper = serving;
        } catch (RuntimeException e) {
            // without the database nobody can renew; the periodic work needs the database anyway
            housekeeper = false;
            LOG.log(Level.WARNING, "standing for housekeeper failed; asking again shortly", e);
        }
    }

    /** Whether this instance does the periodic work now: for health and tests. */
    public boolean isHousekeeper() {
        return housekeeper;
    }

    private void every(Duration period, String what, IntSupplier task) {
        long millis = Math.max(100, period.toMillis());
        schedules.add(scheduler.scheduleWithFixedDelay(() -> {
            if (!housekeeper) {
                return;
            }
            try {
                int done = task.getAsInt();
                if (done > 0) {
                    LOG.fine(() -> what + ": " + done);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed; it runs again in " + period, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        if (signal != null) {
            signal.forget();
        }
        stepDown();
    }

    /** Stops the schedules and hands the term over at once, so the next housekeeper need not wait for it to end. */
    private void stepDown() {
        schedules.forEach(s -> s.cancel(false));
        if (housekeeper) {
            housekeeper = false;
            try {
                election.stepDown(instance.value());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not hand the housekeeper's term over; another instance takes it when it ends", e);
            }
        }
    }
}
