package org.milkmobs.application.port.in.mob;

import java.util.Optional;
import java.util.UUID;
import org.milkmobs.domain.mob.ReclusterRun;

/** The batch re-clustering of all validated videos: scheduled, or started by an admin, one at a time. */
public interface ReclusterUseCase {

    /** Starts a run unless one is running (then returns that one). */
    ReclusterRun start(String trigger);

    /** Starts a scheduled run when the last one finished longer ago than the configured period. */
    Optional<ReclusterRun> startIfDue();

    /** Claims a started run nobody executes yet and executes it, reporting progress as it goes. */
    Optional<ReclusterRun> executeNextQueued();

    /** Fails runs whose instance stopped reporting progress, so they do not block new runs; returns how many. */
    int failStale();

    /** Recomputes the mobs' labels when any mob changed since they were last computed here; returns how many. */
    int relabel();

    Optional<ReclusterRun> run(UUID id);

    Optional<ReclusterRun> latest();
}
