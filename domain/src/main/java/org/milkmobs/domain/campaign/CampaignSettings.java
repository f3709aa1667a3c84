package org.milkmobs.domain.campaign;

import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.validation.ValidationPolicy;

/**
 * The campaign with how videos are judged against it.
 *
 * @param visualUnrelated the cosine to the references at or below which a video looks unrelated (scores 0)
 * @param visualSame      the cosine at or above which it looks the same (scores 1)
 */
public record CampaignSettings(Campaign campaign, ValidationPolicy policy, double visualUnrelated, double visualSame) {

    public CampaignSettings {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(policy, "policy");
        // cosines: a bound outside [-1, 1] is never reached, so every video would score 0 or 1 on looks alone
        for (double cosine : new double[] {visualUnrelated, visualSame}) {
            if (!(cosine >= -1 && cosine <= 1)) {
                throw new InvalidValueException(cosine == visualSame ? "visualSame" : "visualUnrelated",
                        (cosine == visualSame ? "visualSame" : "visualUnrelated") + " is a cosine, from -1 to 1; got " + cosine);
            }
        }
        if (!(visualSame > visualUnrelated)) {
            throw new InvalidValueException("visualSame", "visualSame must be a number greater than visualUnrelated");
        }
    }
}
