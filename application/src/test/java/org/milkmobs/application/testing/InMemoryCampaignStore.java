package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.user.UserId;

/** The campaign store's in-memory twin: the campaign in force, its change log, and references by source. */
public class InMemoryCampaignStore implements CampaignStore {

    private final AtomicReference<CampaignSettings> current = new AtomicReference<>();
    private final List<Map.Entry<String, Embedding>> references = new ArrayList<>();
    private int changes;
    private UserId lastChangedBy;

    @Override
    public Optional<CampaignSettings> currentCampaign() {
        return Optional.ofNullable(current.get());
    }

    @Override
    public synchronized void saveCampaign(CampaignSettings settings, UserId changedBy, Instant now) {
        current.set(settings);
        lastChangedBy = changedBy;
        changes++;
    }

    /** Who saved the campaign in force. */
    public synchronized Optional<UserId> changedBy() {
        return Optional.ofNullable(lastChangedBy);
    }

    /** How many times the campaign was saved (the audit log's length). */
    public synchronized int changes() {
        return changes;
    }

    @Override
    public synchronized List<Embedding> references(EmbeddingModel model) {
        return references.stream().filter(e -> e.getValue().model().equals(model))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    @Override
    public synchronized void addReference(String source, Embedding reference) {
        // one reference per source, model and modality: adding again replaces it
        references.removeIf(e -> e.getKey().equals(source) && e.getValue().model().equals(reference.model())
                && e.getValue().modality() == reference.modality());
        references.add(Map.entry(source, reference));
    }

    @Override
    public synchronized List<String> referenceSources(EmbeddingModel model) {
        return references.stream().filter(e -> e.getValue().model().equals(model)).map(Map.Entry::getKey)
                .distinct().sorted().toList();
    }

    @Override
    public synchronized int removeReferences(String source) {
        int before = references.size();
        references.removeIf(e -> e.getKey().equals(source));
        return before - references.size();
    }
}
