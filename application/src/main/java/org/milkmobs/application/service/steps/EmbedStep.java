package org.milkmobs.application.service.steps;

import java.util.List;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Video;

/**
 * Has the embedder (Marengo or the local model) embed the video. An asynchronous embedder is polled by
 * snoozing the job, with its state (the invocation) kept on the job, so a rescued job resumes polling
 * instead of paying again. A duplicate copies its original's vectors. The picture's fingerprint, when the embedder
 * makes one (the local model, ADR 0030), is stored in the same write.
 */
public class EmbedStep implements StepHandler {

    private final StepVideos videos;
    private final VideoEmbedder embedder;
    private final EmbeddingStore embeddings;
    private final FingerprintStore fingerprints;

    public EmbedStep(StepVideos videos, VideoEmbedder embedder, EmbeddingStore embeddings, FingerprintStore fingerprints) {
        this.videos = videos;
        this.embedder = embedder;
        this.embeddings = embeddings;
        this.fingerprints = fingerprints;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        Video video = videos.get(job.lease().videoId());
        if (video.duplicateOf().isPresent()) {
            List<Embedding> original = embeddings.findEmbeddings(video.duplicateOf().get(), embedder.model());
            if (!original.isEmpty()) {
                var fingerprint = fingerprints.findFingerprint(video.duplicateOf().get());
                return StepOutcome.completed(() -> {
                    embeddings.replaceEmbeddings(video.id(), embedder.model(), original);
                    fingerprints.replaceFingerprint(video.id(), fingerprint);
                });
            }
        }
        return AnalyzerCall.outcomeOf(videos, job, () -> embed(video, job));
    }

    private StepOutcome embed(Video video, PipelineJob job) {
        VideoEmbedder.Progress progress = embedder.embed(videos.media(video), job.data());
        if (progress instanceof VideoEmbedder.Progress.Pending pending) {
            // only the run that started the invocation got past the budget; later polls leave the video alone
            StepOutcome.ResultWrite started = job.data().isEmpty() ? videos.resuming(video.id(), StepOutcome.ResultWrite.NONE)
                    : StepOutcome.ResultWrite.NONE;
            return StepOutcome.snoozed(pending.pollAfter(), pending.state(), started);
        }
        VideoEmbedder.Progress.Done done = (VideoEmbedder.Progress.Done) progress;
        return StepOutcome.completed(videos.resuming(video.id(), () -> {
            embeddings.replaceEmbeddings(video.id(), embedder.model(), done.embeddings());
            fingerprints.replaceFingerprint(video.id(), done.fingerprint());
        }));
    }
}
