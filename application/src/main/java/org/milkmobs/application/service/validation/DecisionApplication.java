package org.milkmobs.application.service.validation;

import java.time.Instant;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.Video;

/**
 * Applies a validation decision the one way both the pipeline's validate step and re-validation (and review) need:
 * the decision joins the video's history and the video settles on it ({@link Video#settleAs}, idempotent: a decision
 * applied twice changes the status once). The caller saves the video in the same transaction.
 */
public class DecisionApplication {

    private final ValidationStore decisions;

    public DecisionApplication(ValidationStore decisions) {
        this.decisions = decisions;
    }

    /** @return whether the video's status changed */
    public boolean apply(Video video, ValidationDecision decision, Instant now) {
        decisions.recordDecision(video.id(), decision);
        return video.settleAs(decision.status(), now);
    }
}
