package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;

class InMemoryVideoEmbeddingJobsTest extends VideoEmbeddingJobsContract {

    private final InMemoryVideoEmbeddingJobs jobs = new InMemoryVideoEmbeddingJobs();

    @Override
    protected VideoEmbeddingJobs jobs() {
        return jobs;
    }
}
