package org.milkmobs.application.service.validation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.service.mob.VideoVectors;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.SignalMeasures;
import org.milkmobs.domain.validation.SignalScores;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.validation.Validator;
import org.milkmobs.domain.video.Video;

/**
 * Measures a video's signals against the campaign in force and applies its policy; {@code unproven} says what
 * becomes of a video whose participation the analysis cannot establish ({@code validation.unproven}).
 */
public class ValidationService {

    private final AnalysisStore analyses;
    private final EmbeddingStore embeddings;
    private final CampaignStore campaigns;
    private final CampaignProvider campaign;
    private final EmbeddingModel model;
    private final UnprovenParticipation unproven;

    public ValidationService(AnalysisStore analyses, EmbeddingStore embeddings, CampaignStore campaigns, CampaignProvider campaign,
                             EmbeddingModel model, UnprovenParticipation unproven) {
        this.unproven = unproven;
        this.analyses = analyses;
        this.embeddings = embeddings;
        this.campaigns = campaigns;
        this.campaign = campaign;
        this.model = model;
    }

    public ValidationDecision evaluate(Video video, Instant now) {
        CampaignSettings settings = campaign.current();
        Optional<Analysis> analysis = analyses.findAnalysis(video.id());
        SignalScores scores = new SignalScores();
        analysis.ifPresent(a -> {
            if (a.participationScore().isPresent()) {
                scores.with(Signal.PARTICIPATION, a.participationScore().getAsDouble());
            }
            scores.withOptional(Signal.OCR_KEYWORDS, Optional.ofNullable(SignalMeasures.ocrKeywords(a.ocrText(), settings.campaign().keywords())));
            scores.with(Signal.AUDIO_PRESENCE, a.audio().silent() ? 0 : 1);
        });
        scores.withOptional(Signal.HASHTAGS, Optional.ofNullable(SignalMeasures.hashtags(video.hashtags(), settings.campaign().hashtags())));
        visualSimilarity(video, settings).ifPresent(score -> scores.with(Signal.VISUAL_SIMILARITY, score));
        return Validator.decide(settings.policy(), scores, unproven, now);
    }

    /** The best match of the video's visual asset vector among the campaign's references in the same space. */
    private Optional<Double> visualSimilarity(Video video, CampaignSettings settings) {
        List<Embedding> references = campaigns.references(model);
        Map<Modality, float[]> assets = VideoVectors.assets(embeddings.findEmbeddings(video.id(), model));
        float[] visual = assets.get(Modality.VISUAL);
        if (references.isEmpty() || visual == null) {
            return Optional.empty();
        }
        double best = references.stream().mapToDouble(r -> Vectors.cosine(visual, r.vector())).max().orElseThrow();
        return Optional.of(SignalMeasures.visualSimilarity(best, settings.visualUnrelated(), settings.visualSame()));
    }
}
