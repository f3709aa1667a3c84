package org.milkmobs.application.service.steps;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.Video;

/**
 * Has the embedder (Marengo or the local model) embed the video. An asynchronous embedder is polled by
 * snoozing the job, with its state (the invocation) kept on the job, so a rescued job resumes polling
 * instead of paying again. A duplicate copies its original's vectors and fingerprint. Every embedded video gets the
 * picture's fingerprint (ADR 0030) in the same write as its vectors: the embedder's when it makes one in its own pass
 * over the frames (the local model), else the {@link FrameFingerprinter}'s (Marengo makes none), so that the
 * near-duplicate rule compares frames on every analyzer.
 */
public class EmbedStep implements StepHandler {

    private static final Logger LOG = Logger.getLogger(EmbedStep.class.getName());

    private final StepVideos videos;
    private final VideoEmbedder embedder;
    private final EmbeddingStore embeddings;
    private final FingerprintStore fingerprints;
    private final FrameFingerprinter fingerprinter;

    public EmbedStep(StepVideos videos, VideoEmbedder embedder, EmbeddingStore embeddings, FingerprintStore fingerprints,
                     FrameFingerprinter fingerprinter) {
        this.videos = videos;
        this.embedder = embedder;
        this.embeddings = embeddings;
        this.fingerprints = fingerprints;
        this.fingerprinter = fingerprinter;
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
        VideoMedia media = videos.media(video);
        VideoEmbedder.Progress progress = embedder.embed(media, job.data());
        if (progress instanceof VideoEmbedder.Progress.Pending pending) {
            // only the run that started the invocation got past the budget; later polls leave the video alone
            StepOutcome.ResultWrite started = job.data().isEmpty() ? videos.resuming(video.id(), StepOutcome.ResultWrite.NONE)
                    : StepOutcome.ResultWrite.NONE;
            return StepOutcome.snoozed(pending.pollAfter(), pending.state(), started);
        }
        VideoEmbedder.Progress.Done done = (VideoEmbedder.Progress.Done) progress;
        Optional<Fingerprint> fingerprint = done.fingerprint().isPresent() ? done.fingerprint() : fingerprint(media);
        return StepOutcome.completed(videos.resuming(video.id(), () -> {
            embeddings.replaceEmbeddings(video.id(), embedder.model(), done.embeddings());
            fingerprints.replaceFingerprint(video.id(), fingerprint);
        }));
    }

    /**
     * The fingerprinter's, after the embedder made none. Its failure costs the video its fingerprint, not its paid
     * embeddings: the near-duplicate rule then compares clips, as for a video analysed before fingerprints.
     */
    private Optional<Fingerprint> fingerprint(VideoMedia media) {
        try {
            return fingerprinter.fingerprint(media);
        } catch (AnalysisFailedException | BlobStorageException e) {
            LOG.log(Level.WARNING, "video " + media.videoId() + " gets no picture fingerprint; near-duplicates compare its clips", e);
            return Optional.empty();
        }
    }
}
