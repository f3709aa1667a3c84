package org.milkmobs.application.service.campaign;

import java.time.Clock;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.campaign.CampaignUseCase;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/**
 * The campaign: description, hashtags, keywords, policy, and visual references in the active model's
 * space (the description itself, when the model embeds text; reference videos; reference images).
 */
public class CampaignService implements CampaignUseCase {

    static final String DESCRIPTION_SOURCE = "description";

    private final CampaignStore store;
    private final CampaignProvider provider;
    private final QueryEmbedder queries;
    private final EmbeddingStore embeddings;
    private final Clock clock;

    public CampaignService(CampaignStore store, CampaignProvider provider, QueryEmbedder queries, EmbeddingStore embeddings, Clock clock) {
        this.store = store;
        this.provider = provider;
        this.queries = queries;
        this.embeddings = embeddings;
        this.clock = clock;
    }

    @Override
    public CampaignView current() {
        return view();
    }

    @Override
    public CampaignView update(CampaignSettings settings, Caller admin) {
        requireAdmin(admin);
        store.saveCampaign(settings, admin.userId(), clock.instant());
        store.removeReferences(DESCRIPTION_SOURCE);
        queries.embedText(settings.campaign().description()).ifPresent(text -> store.addReference(DESCRIPTION_SOURCE, text));
        return view();
    }

    @Override
    public CampaignView addReferenceVideo(VideoId video, Caller admin) {
        requireAdmin(admin);
        Embedding visualAsset = embeddings.findEmbeddings(video, queries.model()).stream()
                .filter(e -> e.modality() == Modality.VISUAL && e.scope() == Scope.ASSET).findFirst()
                .orElseThrow(() -> new VideoNotFoundException(video));
        String source = "video:" + video;
        store.removeReferences(source);
        store.addReference(source, visualAsset);
        return view();
    }

    @Override
    public CampaignView addReferenceImage(String name, byte[] image, Caller admin) {
        requireAdmin(admin);
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new InvalidValueException("name", "a reference name is 1 to 100 letters, digits, dots, dashes or underscores");
        }
        Embedding embedding = queries.embedImage(image);
        String source = "image:" + name;
        store.removeReferences(source);
        store.addReference(source, embedding);
        return view();
    }

    @Override
    public CampaignView removeReference(String source, Caller admin) {
        requireAdmin(admin);
        store.removeReferences(source);
        return view();
    }

    private CampaignView view() {
        return new CampaignView(provider.current(), store.referenceSources(queries.model()), queries.model().id());
    }

    private static void requireAdmin(Caller caller) {
        ForbiddenException.unlessAdmin(caller, "only admins change the campaign");
    }
}
