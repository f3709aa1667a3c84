package org.milkmobs.adapters.persistence.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.SignalScores;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.domain.validation.Validator;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.VideoId;

class ValidationAndCampaignStoreTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void decisionsKeepTheirBreakdownAndHistoryInOrder() {
        ValidationStoreAdapter store = new ValidationStoreAdapter(em);
        VideoId video = tx(() -> VideoStorageForTests.adapter(em).saveVideo(TestVideos.submitted("alice")).id());
        ValidationDecision automatic = Validator.decide(ValidationPolicy.DEFAULT,
                new SignalScores().with(Signal.HASHTAGS, 1).with(Signal.AUDIO_PRESENCE, 0), UnprovenParticipation.REVIEW, NOW);
        ValidationDecision override = automatic.overriddenBy(new UserId("root"), true, "a clear milk mob", NOW.plusSeconds(60));

        txRun(() -> store.recordDecision(video, automatic));
        txRun(() -> store.recordDecision(video, override));

        List<ValidationDecision> history = tx(() -> store.decisions(video));
        assertThat(history).containsExactly(automatic, override);
        assertThat(history).extracting(ValidationDecision::outcome).containsExactly(ValidationDecision.Outcome.REVIEW,
                ValidationDecision.Outcome.ACCEPTED);
        assertThat(tx(() -> store.latestDecision(video))).contains(override);
        VideoId undecided = VideoId.generate();
        assertThat(tx(() -> store.latestDecisions(List.of(video, undecided)))).as("a page's decisions in force, in one read")
                .containsOnlyKeys(video).containsEntry(video, override);
        assertThat(history.get(0).breakdown()).filteredOn(r -> r.signal() == Signal.PARTICIPATION)
                .singleElement().satisfies(r -> assertThat(r.score()).isNull());
    }

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
