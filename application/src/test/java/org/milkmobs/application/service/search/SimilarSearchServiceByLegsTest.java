package org.milkmobs.application.service.search;

import java.util.Map;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;

/**
 * {@link SimilarSearchServiceTest}'s cases read by legs (ADR 0034): the weights also weigh the transcription, which the fused
 * vector does not hold and no video here has a vector of, so the scores, ranks and pages are the fused read's.
 */
class SimilarSearchServiceByLegsTest extends SimilarSearchServiceTest {

    @Override
    protected ModalityWeights weights(double visual, double audio) {
        return new ModalityWeights(Map.of(Modality.VISUAL, visual, Modality.AUDIO, audio, Modality.TRANSCRIPTION, 0.25));
    }

    @Override
    protected String expectedRead() {
        return "legs";
    }
}
