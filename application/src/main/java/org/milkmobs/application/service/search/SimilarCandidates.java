package org.milkmobs.application.service.search;

import java.util.Map;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.SearchHit;
import org.milkmobs.domain.video.VideoId;

/**
 * What a read of a similar-videos request's nearest found (ADR 0034, 0036): its candidates scored per modality, and the
 * threshold algorithm's bound on the score of any video it did not find.
 */
sealed interface SimilarCandidates permits LegCandidates, FusedCandidates {

    /** The score of a modality a candidate has no vector of: that of an unrelated one (cosine 0). */
    double UNRELATED = SearchHit.scoreOf(0);

    /** What a read only {@code depth} deep would have found. */
    SimilarCandidates nearest(int depth);

    /** Each candidate with its score per modality compared; a modality it has no vector of scores {@link #UNRELATED}. */
    Map<VideoId, Map<Modality, Double>> scores();

    /** The highest score by {@code weights} a video not among the candidates could have; minus infinity where there is none. */
    double bound(ModalityWeights weights);
}
