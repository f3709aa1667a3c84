package org.milkmobs.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;

class CampaignStoreAdapterTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void theCampaignRoundTripsIsAuditedAndKeepsReferencesPerModel() {
        CampaignStoreAdapter store = new CampaignStoreAdapter(em);
        CampaignSettings settings = new CampaignSettings(new Campaign("Milk Mob", "people pouring milk", Hashtags.of("milkmob"),
                List.of("milk", "mob")), new ValidationPolicy(Map.of(Signal.HASHTAGS, 0.5, Signal.OCR_KEYWORDS, 0.5), 0.6), 0.2, 0.8);
        assertThat(tx(store::currentCampaign)).isEmpty();

        txRun(() -> store.saveCampaign(settings, new UserId("root"), NOW));
        txRun(() -> store.saveCampaign(settings, new UserId("root"), NOW.plusSeconds(1)));
        EmbeddingModel small = new EmbeddingModel("local-perceptual-v1", 128);
        float[] vector = new float[128];
        vector[5] = 1;
        txRun(() -> store.addReference("image:bottle", new Embedding(small, Modality.VISUAL, Scope.ASSET, new Segment(0, 0), vector)));
        float[] text = new float[512];
        text[0] = 1; // a zero vector is no embedding (it has no direction)
        txRun(() -> store.addReference("description", new Embedding(EmbeddingModel.MARENGO_3, Modality.TEXT, Scope.ASSET,
                new Segment(0, 0), text)));

        assertThat(tx(store::currentCampaign)).contains(settings);
        assertThat(tx(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM campaign_change").getSingleResult()).longValue()))
                .isEqualTo(2);
        assertThat(tx(() -> store.references(small))).singleElement().satisfies(r -> assertThat(r.vector()[5]).isEqualTo(1f));
        assertThat(tx(() -> store.referenceSources(small))).containsExactly("image:bottle");
        assertThat(tx(() -> store.removeReferences("image:bottle"))).isEqualTo(1);
        assertThat(tx(() -> store.references(small))).isEmpty();
    }
}
