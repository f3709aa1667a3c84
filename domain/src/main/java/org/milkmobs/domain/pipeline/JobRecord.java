package org.milkmobs.domain.pipeline;

import java.time.Instant;
import org.milkmobs.domain.video.VideoId;

/** A job as admins see it. {@code attemptsUsed} leaves out snoozes. */
public record JobRecord(long id, VideoId videoId, PipelineStep step, JobState state, int attemptsUsed, int attemptsAllowed,
                        Instant runAt, String leaseOwner, Instant leaseExpiresAt, String lastError, Instant createdAt,
                        Instant updatedAt, Instant finishedAt) {
}
