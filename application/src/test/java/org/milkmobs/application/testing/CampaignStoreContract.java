package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.campaign.CampaignStore;
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

/** The campaign in force is the last one saved; references are kept per model and removed per source. */
public abstract class CampaignStoreContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

    protected abstract CampaignStore store();

    private void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Test
    void theCampaignInForceIsTheLastSavedAndRoundTrips() {
        CampaignSettings first = settings("Milk Mob", 0.6);
        CampaignSettings second = settings("Milk Mob, the sequel", 0.7);

        inTransaction(() -> store().saveCampaign(first, new UserId("root"), NOW));
        assertThat(inTransaction(() -> store().currentCampaign())).contains(first);
        inTransaction(() -> store().saveCampaign(second, new UserId("root"), NOW.plusSeconds(1)));
        assertThat(inTransaction(() -> store().currentCampaign())).contains(second);
    }

    @Test
    void referencesAreKeptPerModelAndRemovedPerSource() {
        EmbeddingModel small = new EmbeddingModel("local-perceptual-v1", 128);
        inTransaction(() -> store().addReference("image:bottle", reference(small, 5)));
        inTransaction(() -> store().addReference("image:alpha", reference(small, 6)));
        inTransaction(() -> store().addReference("image:alpha", reference(small, 7)));
        inTransaction(() -> store().addReference("description", reference(EmbeddingModel.MARENGO_3, 0)));

        assertThat(inTransaction(() -> store().referenceSources(small))).containsExactly("image:alpha", "image:bottle");
        assertThat(inTransaction(() -> store().references(small))).as("in the order of their sources, a source added again replaced")
                .extracting(e -> e.vector()[7]).containsExactly(1f, 0f);
        assertThat(inTransaction(() -> store().references(EmbeddingModel.MARENGO_3))).singleElement()
                .satisfies(e -> assertThat(e.vector()[0]).isEqualTo(1f));

        assertThat(inTransaction(() -> store().removeReferences("image:bottle"))).isEqualTo(1);
        assertThat(inTransaction(() -> store().removeReferences("image:bottle"))).isZero();
        assertThat(inTransaction(() -> store().referenceSources(small))).containsExactly("image:alpha");
        inTransaction(() -> store().removeReferences("image:alpha") + store().removeReferences("description"));
    }

    private static CampaignSettings settings(String name, double threshold) {
        return new CampaignSettings(new Campaign(name, "people pouring milk", Hashtags.of("milkmob"), List.of("milk", "mob")),
                new ValidationPolicy(Map.of(Signal.HASHTAGS, 0.5, Signal.OCR_KEYWORDS, 0.5), threshold), 0.2, 0.8);
    }

    /** A unit vector along {@code axis} (a zero vector is no embedding: it has no direction). */
    private static Embedding reference(EmbeddingModel model, int axis) {
        float[] vector = new float[model.dimension()];
        vector[axis] = 1;
        return new Embedding(model, Modality.VISUAL, Scope.ASSET, new Segment(0, 0), vector);
    }
}
