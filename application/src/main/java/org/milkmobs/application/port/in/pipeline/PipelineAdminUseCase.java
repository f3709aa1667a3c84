package org.milkmobs.application.port.in.pipeline;

import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.Page;
import org.milkmobs.domain.pipeline.HistoryEvent;
import org.milkmobs.domain.pipeline.JobRecord;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/** Watching and repairing the pipeline. */
public interface PipelineAdminUseCase {

    Page<JobRecord> jobs(Optional<JobState> state, Optional<PipelineStep> step, Optional<String> cursor, int limit);

    /** Redrives the job's workflow: every dead or cancelled job runs again with fresh attempts. */
    JobRecord retry(long jobId, Caller admin);

    /** Stops the job's workflow (Step Functions' StopExecution): its unfinished jobs are cancelled. */
    JobRecord cancel(long jobId, Caller admin);

    List<QueueStats> queues();

    void pause(PipelineStep step);

    void resume(PipelineStep step);

    /** The workflow's history, as far as the caller may see the video. */
    List<HistoryEvent> history(VideoId video, Caller caller);

    /** The job's state does not allow the action (the document's 409). */
    final class JobStateConflictException extends org.milkmobs.application.port.in.ConflictException {
        public JobStateConflictException(long id, org.milkmobs.domain.pipeline.JobState state, String allowed) {
            super("job " + id + " is " + state + "; " + allowed);
        }
    }

    final class JobNotFoundException extends org.milkmobs.application.port.in.NotFoundException {
        public JobNotFoundException(long id) {
            super("no job " + id + " exists");
        }
    }
}
