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
}
