package org.milkmobs.application.port.out.mob;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.domain.mob.ReclusterRun;

/** The record of re-clustering runs; at most one is RUNNING at any time, across instances. */
public interface ReclusterRuns {

    /** Starts a run, or returns the one already running. */
    ReclusterRun startOrGetRunning(String trigger, Instant now);

    /** Takes a queued run for this instance to execute, so no two instances execute the same run. */
    Optional<UUID> claimQueued(Instant now);

    /** Records progress, which is also the run's heartbeat. */
    void progress(UUID run, String phase, double progress, Instant now);

    /** Fails running runs whose last heartbeat is older than {@code before} (their instance died); returns how many. */
    int failStale(Instant before, Instant now);

    void succeed(UUID run, int k, double inertia, int videos, int moved, Instant now);

    void fail(UUID run, String error, Instant now);

    Optional<ReclusterRun> find(UUID run);

    Optional<ReclusterRun> latest();
}
