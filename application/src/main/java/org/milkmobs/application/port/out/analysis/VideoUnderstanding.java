package org.milkmobs.application.port.out.analysis;

import java.time.Instant;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.campaign.Campaign;

/** The understand step's analyzer: Pegasus, or the local analyzer's OCR and audio hints. */
public interface VideoUnderstanding {

    /**
     * @throws AnalysisFailedException when the video cannot be analysed
     */
    Analysis understand(VideoMedia media, Campaign campaign, Instant now);
}
