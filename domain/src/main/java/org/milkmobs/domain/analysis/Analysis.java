package org.milkmobs.domain.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.video.VideoId;

/**
 * What an analyzer understood of a video. {@code participationScore} (0–1: how clearly the video takes
 * part in the campaign) is absent when the analyzer cannot judge it, as the local analyzer cannot;
 * absent is not zero. {@code look} holds words describing how the video looks (dominant colours, motion), lower-case,
 * when the analyzer measures them (the local analyzer does); mobs fall back to them for a label.
 */
public record Analysis(VideoId videoId, String analyzer, OptionalDouble participationScore, String ocrText, String summary,
                       List<Highlight> highlights, AudioHints audio, Instant analyzedAt, List<String> look) {

    /** An analysis without look words. */
    public Analysis(VideoId videoId, String analyzer, OptionalDouble participationScore, String ocrText, String summary,
                    List<Highlight> highlights, AudioHints audio, Instant analyzedAt) {
        this(videoId, analyzer, participationScore, ocrText, summary, highlights, audio, analyzedAt, List.of());
    }

    public Analysis {
        Objects.requireNonNull(videoId, "videoId");
        Objects.requireNonNull(analyzer, "analyzer");
        participationScore = participationScore == null ? OptionalDouble.empty() : participationScore;
        participationScore.ifPresent(score -> {
            if (!(score >= 0 && score <= 1)) {
                throw new InvalidValueException("participationScore", "a participation score lies in [0, 1], got " + score);
            }
        });
        ocrText = ocrText == null ? "" : ocrText.strip();
        summary = summary == null ? "" : summary.strip();
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(analyzedAt, "analyzedAt");
        look = look == null ? List.of() : List.copyOf(look);
    }

    /** The same analysis, for another video with the same content (dedupe reuses it). */
    public Analysis forVideo(VideoId other, Instant now) {
        return new Analysis(other, analyzer, participationScore, ocrText, summary, highlights, audio, now, look);
    }
}
