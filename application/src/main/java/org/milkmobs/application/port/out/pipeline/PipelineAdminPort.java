package org.milkmobs.application.port.out.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.video.VideoId;

/** The job table as admins read and repair it; a video's own progress is {@link WorkflowProgressPort}. */
public interface PipelineAdminPort {

    Optional<JobRecord> job(long id);

    /** Jobs newest first, optionally of one state and/or step, with ids below {@code beforeId}. */
    List<JobRecord> jobs(Optional<JobState> state, Optional<PipelineStep> step, Optional<Long> beforeId, int limit);

    /** Per step, every state's count (0 when none) and the wait of the oldest job due at {@code now}. */
    List<QueueStats> queueStats(Instant now);

    /**
     * Puts every DEAD or CANCELLED job of the workflow back to AVAILABLE, due now, with {@code attempts} fresh
     * attempts on top of the ones it spent (spent attempts stay spent), and the workflow back to RUNNING as its next
     * run; returns how many jobs were redriven (0, and nothing changes, when none was dead or cancelled).
     */
    int redrive(VideoId video, int attempts, Instant now);

    List<HistoryEvent> history(VideoId video);

    /** Deletes the jobs and events of workflows that finished successfully before {@code before}. */
    int prune(Instant before);

}
