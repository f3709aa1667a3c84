package org.milkmobs.adapters.rest.video;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Video;

public record VideoResponse(
        String videoId,
        String ownerId,
        String title,
        String description,
        List<String> hashtags,
        String status,
        Instant createdAt,
        Instant updatedAt,
        Media media,
        FailureResponse failure,
        URI thumbnailUrl,
        URI playbackUrl,
        String duplicateOf,
        String nearDuplicateOf,
        String mobId,
        Progress progress,
        AnalysisResponse analysis,
        ValidationSummary validation) {

    /** {@code absolute} makes the store's (possibly relative) URLs absolute. */
    public static VideoResponse from(VideoDetails details, Function<URI, URI> absolute) {
        Video video = details.video();
        return new VideoResponse(video.id().toString(), video.owner().value(), video.title().value(), video.description().value(),
                video.hashtags().values(), video.status().name(), video.createdAt(), video.updatedAt(),
                video.media().map(Media::from).orElse(null),
                video.failure().map(f -> new FailureResponse(f.code().name(), f.detail())).orElse(null),
                details.thumbnailUrl().map(absolute).orElse(null), details.playbackUrl().map(absolute).orElse(null),
                video.duplicateOf().map(Object::toString).orElse(null),
                details.nearDuplicateOf().map(Object::toString).orElse(null), details.mob().map(Object::toString).orElse(null),
                details.progress().map(Progress::from).orElse(null), details.analysis().map(AnalysisResponse::from).orElse(null),
                details.validation().map(ValidationSummary::from).orElse(null));
    }

    public record Media(String container, String videoCodec,
                        String audioCodec, double durationSeconds,
                        int width, int height, long sizeBytes,
                        boolean hasAudio, String sha256) {
        static Media from(MediaFacts m) {
            return new Media(m.container(), m.videoCodec(), m.audioCodec(), m.durationSeconds(), m.width(), m.height(),
                    m.sizeBytes(), m.hasAudio(), m.contentHash().sha256());
        }
    }

    public record FailureResponse(
            String code,
            String detail) {
    }

    public record Progress(
            String status,
            int completedSteps, int totalSteps,
            List<String> currentSteps,
            List<StepProgressResponse> steps,
            String reason) {
        static Progress from(WorkflowProgress p) {
            return new Progress(p.status().name(), p.completedSteps(), p.totalSteps(),
                    p.currentSteps().stream().map(s -> s.wireName()).toList(),
                    p.steps().stream().map(s -> new StepProgressResponse(s.step().wireName(), s.state().name(), s.attemptsUsed(),
                            s.attemptsAllowed(), s.lastError())).toList(), p.reason());
        }
    }

    public record StepProgressResponse(String step,
                                       String state,
                                       int attempts, int maxAttempts,
                                       String lastError) {
    }

    public record AnalysisResponse(String analyzer, Double participationScore,
                                   String ocrText, String summary,
                                   List<HighlightResponse> highlights,
                                   AudioResponse audio, Instant analyzedAt) {
        static AnalysisResponse from(Analysis a) {
            return new AnalysisResponse(a.analyzer(), a.participationScore().isPresent() ? a.participationScore().getAsDouble() : null,
                    a.ocrText(), a.summary(), a.highlights().stream().map(h -> new HighlightResponse(h.segment().startSeconds(),
                    h.segment().endSeconds(), h.description())).toList(),
                    new AudioResponse(a.audio().silent(), a.audio().speechLikely(), a.audio().musicLikely()), a.analyzedAt());
        }
    }

    public record HighlightResponse(double startSeconds, double endSeconds,
                                    String description) {
    }

    public record AudioResponse(boolean silent, boolean speechLikely,
                                boolean musicLikely) {
    }

    public record ValidationSummary(String outcome, boolean accepted, double score,
                                    double threshold,
                                    String kind) {
        static ValidationSummary from(ValidationDecision d) {
            return new ValidationSummary(d.outcome().name(), d.accepted(), d.score(), d.threshold(), d.kind().name());
        }
    }
}
