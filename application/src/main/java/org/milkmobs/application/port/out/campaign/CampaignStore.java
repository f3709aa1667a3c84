package org.milkmobs.application.port.out.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.user.UserId;

/** The campaign in force, how it is validated, and the reference vectors it is compared with. */
public interface CampaignStore {

    Optional<CampaignSettings> currentCampaign();

    void saveCampaign(CampaignSettings settings, UserId changedBy, Instant now);

    /** Reference vectors in {@code model}'s space (from the description, reference videos and images). */
    List<Embedding> references(EmbeddingModel model);

    void addReference(String source, Embedding reference);

    /** The sources ({@code description}, {@code video:<id>}, {@code image:<name>}) with references in {@code model}'s space. */
    List<String> referenceSources(EmbeddingModel model);

    /** Removes the references made from {@code source}; returns how many. */
    int removeReferences(String source);
}
