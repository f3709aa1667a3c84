package org.milkmobs.domain.pipeline;

import java.util.Objects;
import org.milkmobs.domain.video.VideoId;

/**
 * A worker's hold on one run of a job. {@code attempt} grows with every claim and is the fencing
 * token: a write that names an older attempt than the job's changes nothing.
 */
public record JobLease(long jobId, VideoId videoId, PipelineStep step, int attempt) {

    public JobLease {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(step, "step");
    }
}
