package org.milkmobs.adapters.persistence.analysis;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.video.VideoId;

/** Analyses in the {@code analysis} table; highlights as a JSON array. */
@Dependent
class AnalysisSqlAdapter implements AnalysisStore {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final String UPSERT = """
            INSERT INTO analysis (video_id, analyzer, participation_score, ocr_text, summary, highlights, audio_silent,
                                  speech_likely, music_likely, analyzed_at, look)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (video_id) DO UPDATE SET analyzer = EXCLUDED.analyzer, participation_score = EXCLUDED.participation_score,
                ocr_text = EXCLUDED.ocr_text, summary = EXCLUDED.summary, highlights = EXCLUDED.highlights,
                audio_silent = EXCLUDED.audio_silent, speech_likely = EXCLUDED.speech_likely, music_likely = EXCLUDED.music_likely,
                analyzed_at = EXCLUDED.analyzed_at, look = EXCLUDED.look
            """;

    private final Sql sql;

    @Inject
    AnalysisSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void saveAnalysis(Analysis analysis) {
        JsonArrayBuilder highlights = JSON.createArrayBuilder();
        for (Highlight h : analysis.highlights()) {
            highlights.add(JSON.createObjectBuilder().add("start", h.segment().startSeconds()).add("end", h.segment().endSeconds())
                    .add("description", h.description()));
        }
        sql.update(UPSERT, analysis.videoId().value(), analysis.analyzer(),
                analysis.participationScore().isPresent() ? analysis.participationScore().getAsDouble() : null,
                analysis.ocrText(), analysis.summary(), new Sql.Json(highlights.build().toString()), analysis.audio().silent(),
                analysis.audio().speechLikely(), analysis.audio().musicLikely(), analysis.analyzedAt(),
                analysis.look().toArray(String[]::new));
    }

    @Override
    public Optional<Analysis> findAnalysis(VideoId video) {
        return Optional.ofNullable(findAnalyses(List.of(video)).get(video));
    }

    @Override
    public Map<VideoId, Analysis> findAnalyses(Collection<VideoId> videos) {
        Map<VideoId, Analysis> found = new HashMap<>();
        if (videos.isEmpty()) {
            return found;
        }
        sql.query("SELECT a.video_id, " + AnalysisRows.COLUMNS + " FROM analysis a WHERE a.video_id = ANY(?)", row -> {
            VideoId video = new VideoId(Sql.uuid(row, "video_id"));
            return found.put(video, AnalysisRows.read(row, video));
        }, (Object) videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        return found;
    }
}
