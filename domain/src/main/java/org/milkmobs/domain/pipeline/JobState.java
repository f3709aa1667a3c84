package org.milkmobs.domain.pipeline;

/**
 * Where a job is: {@code AVAILABLE} jobs wait for their {@code run_at} (first run, retry or snooze),
 * {@code RUNNING} jobs hold a lease, {@code DEAD} jobs failed for good and wait for a redrive.
 */
public enum JobState {
    AVAILABLE,
    RUNNING,
    COMPLETED,
    DEAD,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == DEAD || this == CANCELLED;
    }

    /** Only a job that failed for good or was stopped is run again; a completed one has nothing left to do. */
    public boolean canBeRetried() {
        return this == DEAD || this == CANCELLED;
    }

    /** A finished job has nothing left to stop. */
    public boolean canBeCancelled() {
        return !isFinal();
    }
}
