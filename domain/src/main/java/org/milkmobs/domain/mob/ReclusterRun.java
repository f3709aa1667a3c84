package org.milkmobs.domain.mob;

import java.time.Instant;
import java.util.UUID;

/** A batch re-clustering run: its status, phase and progress (0 to 1), and its outcome. */
public record ReclusterRun(UUID id, String status, String trigger, String phase, double progress, Instant startedAt, Instant finishedAt,
                           Integer k, Double inertia, Integer videos, Integer moved, String error) {
}
