package org.milkmobs.application.port.in.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.milkmobs.domain.video.Failure;

/**
 * How a step's run ended. The work itself happens outside any transaction; what it produced is written
 * by {@link Completed#write}, in the same transaction that completes the job, so a fenced (stale) run
 * writes nothing.
 */
public sealed interface StepOutcome {

    /** Business writes to make with the completion; idempotent, because a step may run more than once. */
    @FunctionalInterface
    interface ResultWrite {
        void apply();

        ResultWrite NONE = () -> { };
    }

    static Completed completed(ResultWrite write) {
        return new Completed(write);
    }

    static Snoozed snoozed(Duration delay, Map<String, String> data) {
        return new Snoozed(delay, data, ResultWrite.NONE);
    }

    /** Snoozes and makes {@code write} in the same transaction (e.g. marking the video as waiting for budget). */
    static Snoozed snoozed(Duration delay, Map<String, String> data, ResultWrite write) {
        return new Snoozed(delay, data, write);
    }

    /** A failure worth retrying (a timeout, a throttled call). */
    static Failed retryable(String error) {
        return new Failed(error, false, null);
    }

    /** A failure no retry can fix; {@code failure} is what the video's owner is told. */
    static Failed permanent(Failure failure) {
        return new Failed(failure.detail(), true, failure);
    }

    record Completed(ResultWrite write) implements StepOutcome {
        public Completed {
            Objects.requireNonNull(write, "write");
        }
    }

    /**
     * Run again after {@code delay} without spending an attempt, keeping {@code data} for that run; {@code write}
     * is made with the snooze.
     */
    record Snoozed(Duration delay, Map<String, String> data, ResultWrite write) implements StepOutcome {
        public Snoozed {
            Objects.requireNonNull(delay, "delay");
            data = Map.copyOf(data);
            Objects.requireNonNull(write, "write");
        }
    }

    record Failed(String error, boolean permanent, Failure failure) implements StepOutcome {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
