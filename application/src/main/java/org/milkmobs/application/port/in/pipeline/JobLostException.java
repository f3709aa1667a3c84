package org.milkmobs.application.port.in.pipeline;

import org.milkmobs.domain.pipeline.JobLease;

/** The worker no longer holds the job (rescued, cancelled or re-claimed): its results must not count. */
public final class JobLostException extends RuntimeException {

    public JobLostException(JobLease lease) {
        super("job " + lease.jobId() + " (" + lease.step().wireName() + " of video " + lease.videoId()
                + ", attempt " + lease.attempt() + ") is no longer held by this worker");
    }
}
