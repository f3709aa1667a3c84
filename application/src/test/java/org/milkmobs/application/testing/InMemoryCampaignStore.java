package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.user.UserId;

/** The campaign and its reference vectors in memory; references keep the order they were added in. */
public class InMemoryCampaignStore implements CampaignStore {

    private CampaignSettings current;
    private UserId changedBy;
    private final List<Map.Entry<String, Embedding>> references = new ArrayList<>();

    @Override
    public synchronized Optional<CampaignSettings> currentCampaign() {
        return Optional.ofNullable(current);
    }

    @Override
    public synchronized void saveCampaign(CampaignSettings settings, UserId by, Instant now) {
        current = settings;
        changedBy = by;
    }

    @Override
    public synchronized List<Embedding> references(EmbeddingModel model) {
        return references.stream().map(Map.Entry::getValue).filter(e -> e.model().equals(model)).toList();
    }

    @Override
    public synchronized void addReference(String source, Embedding reference) {
        references.add(Map.entry(source, reference));
    }

    @Override
    public synchronized List<String> referenceSources(EmbeddingModel model) {
        return references.stream().filter(r -> r.getValue().model().equals(model)).map(Map.Entry::getKey).distinct().toList();
    }

    @Override
    public synchronized int removeReferences(String source) {
        int before = references.size();
        references.removeIf(r -> r.getKey().equals(source));
        return before - references.size();
    }

    /** Who saved the campaign last, if anyone. */
    public synchronized Optional<UserId> changedBy() {
        return Optional.ofNullable(changedBy);
    }
}
