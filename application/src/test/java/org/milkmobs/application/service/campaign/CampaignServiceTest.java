package org.milkmobs.application.service.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.campaign.CampaignUseCase;
import org.milkmobs.application.port.in.campaign.CampaignUseCase.CampaignView;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.testing.InMemoryCampaignStore;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.VideoId;

/**
 * The campaign and its visual references, on the in-memory campaign and embedding stores. The query embedder is a model
 * call; at its port a stand-in embeds text (when told the model has a text space) and images as fixed vectors.
 */
class CampaignServiceTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 2);
    private static final Caller ADMIN = Caller.admin(new UserId("root"));
    private static final Caller ALICE = Caller.consumer(new UserId("alice"));
    private static final CampaignSettings DEFAULTS = settings("Milk Mob", "people pouring milk");

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final Embedder embedder = new Embedder();
    private final CampaignUseCase campaign = new CampaignService(store, new CampaignProvider(store, DEFAULTS), embedder, embeddings,
            TestClock.at("2026-12-04T08:00:00Z"));

    @Test
    void untilAnAdminStoresOneTheConfiguredCampaignIsInForce() {
        CampaignView view = campaign.current();

        assertThat(view.settings()).isEqualTo(DEFAULTS);
        assertThat(view.referenceSources()).isEmpty();
        assertThat(view.model()).isEqualTo("test-model");
    }

    @Test
    void anUpdateIsStoredAndItsDescriptionBecomesAReferenceWhenTheModelEmbedsText() {
        embedder.embedsText = true;
        CampaignSettings oat = settings("Oat Mob", "people pouring oat milk");

        CampaignView view = campaign.update(oat, ADMIN);
        campaign.update(oat, ADMIN);

        assertThat(view.settings()).isEqualTo(oat);
        assertThat(store.changedBy()).contains(new UserId("root"));
        assertThat(store.referenceSources(MODEL)).as("replaced, not added twice").containsExactly("description");
    }

    @Test
    void aModelWithoutATextSpaceLeavesNoDescriptionReference() {
        CampaignView view = campaign.update(settings("Oat Mob", "oat"), ADMIN);

        assertThat(view.referenceSources()).isEmpty();
    }

    @Test
    void aReferenceVideoIsItsVisualAssetVectorAndAVideoWithoutOneIsNotFound() {
        VideoId video = VideoId.generate();
        Embedding visual = new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 10), new float[] {1, 0});
        embeddings.replaceEmbeddings(video, MODEL, List.of(visual,
                new Embedding(MODEL, Modality.AUDIO, Scope.ASSET, new Segment(0, 10), new float[] {0, 1})));

        CampaignView view = campaign.addReferenceVideo(video, ADMIN);

        assertThat(view.referenceSources()).containsExactly("video:" + video);
        assertThat(store.references(MODEL)).containsExactly(visual);
        assertThatThrownBy(() -> campaign.addReferenceVideo(VideoId.generate(), ADMIN)).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void referenceImagesAreNamedReplacedByNameAndRemovable() {
        campaign.addReferenceImage("carton.jpg", new byte[] {1}, ADMIN);
        campaign.addReferenceImage("carton.jpg", new byte[] {2}, ADMIN);
        campaign.addReferenceImage("glass", new byte[] {3}, ADMIN);

        assertThat(store.references(MODEL)).hasSize(2);
        assertThat(campaign.removeReference("image:carton.jpg", ADMIN).referenceSources()).containsExactly("image:glass");
        assertThatThrownBy(() -> campaign.addReferenceImage("../etc/passwd", new byte[] {1}, ADMIN)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyAdminsChangeTheCampaign() {
        assertThatThrownBy(() -> campaign.update(settings("Mine", "mine"), ALICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> campaign.addReferenceVideo(VideoId.generate(), ALICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> campaign.addReferenceImage("a", new byte[] {1}, ALICE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> campaign.removeReference("description", ALICE)).isInstanceOf(ForbiddenException.class);
        assertThat(store.currentCampaign()).isEmpty();
        assertThat(embedder.images).isZero();
    }

    private static CampaignSettings settings(String name, String description) {
        return new CampaignSettings(new Campaign(name, description, Hashtags.of("milkmob"), List.of("milk")), ValidationPolicy.DEFAULT, 0.2, 0.8);
    }

    private static final class Embedder implements QueryEmbedder {
        boolean embedsText;
        int images;

        @Override
        public EmbeddingModel model() {
            return MODEL;
        }

        @Override
        public Optional<Embedding> embedText(String text) {
            return embedsText ? Optional.of(new Embedding(MODEL, Modality.TEXT, Scope.ASSET, new Segment(0, 0), new float[] {0, 1}))
                    : Optional.empty();
        }

        @Override
        public Embedding embedImage(byte[] image) {
            images++;
            return new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 0), new float[] {image[0], 1});
        }

        @Override
        public AudioEmbedding embedAudio(AudioClip clip) {
            throw new UnsupportedOperationException("campaigns take no audio");
        }

        @Override
        public AudioEmbedding resumeAudio(String handle) {
            throw new UnsupportedOperationException("campaigns take no audio");
        }

        @Override
        public Set<Modality> comparableWith(Modality query) {
            return Set.of(query);
        }
    }
}
