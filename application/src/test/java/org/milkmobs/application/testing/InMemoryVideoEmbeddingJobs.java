package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.video.ContentHash;

/** The gateway's video embedding jobs in memory. */
public final class InMemoryVideoEmbeddingJobs implements VideoEmbeddingJobs {

    private final Map<String, VideoEmbeddingJob> jobs = new ConcurrentHashMap<>();

    @Override
    public boolean add(VideoEmbeddingJob job) {
        return jobs.putIfAbsent(job.id(), job) == null;
    }

    @Override
    public Optional<VideoEmbeddingJob> byId(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<VideoEmbeddingJob> ofKey(String apiKeyId, String model, ContentHash content) {
        return jobs.values().stream().filter(j -> j.apiKeyId().equals(apiKeyId) && j.model().equals(model) && j.content().equals(content))
                .sorted(Comparator.comparing(VideoEmbeddingJob::createdAt).thenComparing(VideoEmbeddingJob::id).reversed()).toList();
    }

    @Override
    public Optional<VideoEmbeddingJob> anyUsable(String model, ContentHash content) {
        return jobs.values().stream().filter(j -> j.model().equals(model) && j.content().equals(content) && j.status() != JobStatus.FAILED)
                .min(Comparator.comparing((VideoEmbeddingJob j) -> j.status() == JobStatus.DONE ? 0 : 1).thenComparing(VideoEmbeddingJob::createdAt));
    }

    @Override
    public void updateState(String id, Map<String, String> state, Instant at) {
        running(id, job -> new VideoEmbeddingJob(job.id(), job.apiKeyId(), job.model(), job.content(), job.kind(), job.mediaSeconds(),
                job.sizeBytes(), JobStatus.RUNNING, state, List.of(), Optional.empty(), job.createdAt(), at));
    }

    @Override
    public void complete(String id, List<Embedding> vectors, Instant at) {
        running(id, job -> new VideoEmbeddingJob(job.id(), job.apiKeyId(), job.model(), job.content(), job.kind(), job.mediaSeconds(),
                job.sizeBytes(), JobStatus.DONE, Map.of(), vectors, Optional.empty(), job.createdAt(), at));
    }

    @Override
    public void fail(String id, String reason, Instant at) {
        running(id, job -> new VideoEmbeddingJob(job.id(), job.apiKeyId(), job.model(), job.content(), job.kind(), job.mediaSeconds(),
                job.sizeBytes(), JobStatus.FAILED, Map.of(), List.of(), Optional.of(reason), job.createdAt(), at));
    }

    private void running(String id, java.util.function.UnaryOperator<VideoEmbeddingJob> change) {
        jobs.computeIfPresent(id, (k, job) -> job.status() == JobStatus.RUNNING ? change.apply(job) : job);
    }
}
