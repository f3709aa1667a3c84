package org.milkmobs.adapters.rest.video;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Video;

@Schema(name = "Video", description = "A video with its status, media facts, analysis, mob and (for its owner and admins) pipeline progress")
public record VideoResponse(
        @Schema(required = true, format = "uuid") String videoId,
        @Schema(required = true) String ownerId,
        @Schema(required = true) String title,
        @Schema(required = true) String description,
        @Schema(required = true) List<String> hashtags,
        @Schema(required = true, type = SchemaType.STRING,
                enumeration = {"SUBMITTED", "UPLOADED", "PROCESSING", "DEFERRED", "ANALYZED", "VALIDATED", "REJECTED", "FAILED"})
        String status,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(nullable = true) Media media,
        @Schema(nullable = true) FailureResponse failure,
        @Schema(nullable = true, description = "A short-lived URL of the thumbnail (JPEG)") URI thumbnailUrl,
        @Schema(nullable = true, description = "A short-lived URL that plays the video (supports HTTP Range)") URI playbackUrl,
        @Schema(nullable = true, format = "uuid", description = "The earlier upload with the same bytes whose analysis was reused")
        String duplicateOf,
        @Schema(nullable = true, format = "uuid") String mobId,
        @Schema(nullable = true) Progress progress,
        @Schema(nullable = true) AnalysisResponse analysis,
        @Schema(nullable = true) ValidationSummary validation) {

    /** {@code absolute} makes the store's (possibly relative) URLs absolute. */
    public static VideoResponse from(VideoDetails details, Function<URI, URI> absolute) {
        Video video = details.video();
        return new VideoResponse(video.id().toString(), video.owner().value(), video.title().value(), video.description().value(),
                video.hashtags().values(), video.status().name(), video.createdAt(), video.updatedAt(),
                video.media().map(Media::from).orElse(null),
                video.failure().map(f -> new FailureResponse(f.code().name(), f.detail())).orElse(null),
                details.thumbnailUrl().map(absolute).orElse(null), details.playbackUrl().map(absolute).orElse(null),
                video.duplicateOf().map(Object::toString).orElse(null), details.mob().map(Object::toString).orElse(null),
                details.progress().map(Progress::from).orElse(null), details.analysis().map(AnalysisResponse::from).orElse(null),
                details.validation().map(ValidationSummary::from).orElse(null));
    }

    @Schema(name = "MediaFacts")
    public record Media(@Schema(required = true) String container, @Schema(required = true) String videoCodec,
                        @Schema(nullable = true) String audioCodec, @Schema(required = true) double durationSeconds,
                        @Schema(required = true) int width, @Schema(required = true) int height, @Schema(required = true) long sizeBytes,
                        @Schema(required = true) boolean hasAudio, @Schema(required = true) String sha256) {
        static Media from(MediaFacts m) {
            return new Media(m.container(), m.videoCodec(), m.audioCodec(), m.durationSeconds(), m.width(), m.height(),
                    m.sizeBytes(), m.hasAudio(), m.contentHash().sha256());
        }
    }

    @Schema(name = "VideoFailure", description = "Why the video failed")
    public record FailureResponse(
            @Schema(required = true, type = SchemaType.STRING,
                    enumeration = {"INVALID_MEDIA", "MEDIA_LIMIT_EXCEEDED", "ANALYSIS_FAILED", "PIPELINE_FAILED", "CANCELLED"})
            String code,
            @Schema(required = true) String detail) {
    }

    @Schema(name = "Progress", description = "How far the analysis workflow is: step k of n")
    public record Progress(
            @Schema(required = true, type = SchemaType.STRING, enumeration = {"RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"}) String status,
            @Schema(required = true) int completedSteps, @Schema(required = true) int totalSteps,
            @Schema(required = true, description = "Steps running or waiting now") List<String> currentSteps,
            @Schema(required = true) List<StepProgressResponse> steps,
            @Schema(nullable = true) String reason) {
        static Progress from(WorkflowProgress p) {
            return new Progress(p.status().name(), p.completedSteps(), p.totalSteps(),
                    p.currentSteps().stream().map(s -> s.wireName()).toList(),
                    p.steps().stream().map(s -> new StepProgressResponse(s.step().wireName(), s.state().name(), s.attemptsUsed(),
                            s.attemptsAllowed(), s.lastError())).toList(), p.reason());
        }
    }

    @Schema(name = "StepProgress")
    public record StepProgressResponse(@Schema(required = true) String step,
                                       @Schema(required = true, type = SchemaType.STRING,
                                               enumeration = {"AVAILABLE", "RUNNING", "COMPLETED", "DEAD", "CANCELLED"}) String state,
                                       @Schema(required = true) int attempts, @Schema(required = true) int maxAttempts,
                                       @Schema(nullable = true) String lastError) {
    }

    @Schema(name = "Analysis", description = "What the analyzer understood; participationScore is absent when the analyzer cannot judge it")
    public record AnalysisResponse(@Schema(required = true) String analyzer, @Schema(nullable = true) Double participationScore,
                                   @Schema(required = true) String ocrText, @Schema(required = true) String summary,
                                   @Schema(required = true) List<HighlightResponse> highlights,
                                   @Schema(required = true) AudioResponse audio, @Schema(required = true) Instant analyzedAt) {
        static AnalysisResponse from(Analysis a) {
            return new AnalysisResponse(a.analyzer(), a.participationScore().isPresent() ? a.participationScore().getAsDouble() : null,
                    a.ocrText(), a.summary(), a.highlights().stream().map(h -> new HighlightResponse(h.segment().startSeconds(),
                    h.segment().endSeconds(), h.description())).toList(),
                    new AudioResponse(a.audio().silent(), a.audio().speechLikely(), a.audio().musicLikely()), a.analyzedAt());
        }
    }

    @Schema(name = "Highlight")
    public record HighlightResponse(@Schema(required = true) double startSeconds, @Schema(required = true) double endSeconds,
                                    @Schema(required = true) String description) {
    }

    @Schema(name = "AudioHints", description = "Hints from the sound track (heuristics for the local analyzer)")
    public record AudioResponse(@Schema(required = true) boolean silent, @Schema(required = true) boolean speechLikely,
                                @Schema(required = true) boolean musicLikely) {
    }

    @Schema(name = "ValidationSummary", description = "The validation decision in force")
    public record ValidationSummary(@Schema(required = true) boolean accepted, @Schema(required = true) double score,
                                    @Schema(required = true) double threshold,
                                    @Schema(required = true, type = SchemaType.STRING, enumeration = {"AUTOMATIC", "OVERRIDE"}) String kind) {
        static ValidationSummary from(ValidationDecision d) {
            return new ValidationSummary(d.accepted(), d.score(), d.threshold(), d.kind().name());
        }
    }
}
