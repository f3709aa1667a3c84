package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;

class MobSpaceTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("local-perceptual-v1", 128);

    @Test
    void aSpaceIsNamedByItsModelDimensionAndTheModalitiesItFuses() {
        assertThat(MobSpace.of(MODEL, new ModalityWeights(Map.of(Modality.VISUAL, 1.0))))
                .isEqualTo(new MobSpace("local-perceptual-v1/128/visual=1.0"));
        assertThat(MobSpace.of(MODEL, new ModalityWeights(Map.of(Modality.AUDIO, 0.3, Modality.VISUAL, 0.7))).key())
                .as("modalities in a fixed order, whatever the map's").isEqualTo("local-perceptual-v1/128/visual=0.7/audio=0.3");
    }

    @Test
    void otherWeightsAreAnotherSpaceAndAModalityWeighedZeroIsLeftOut() {
        MobSpace visual = MobSpace.of(MODEL, new ModalityWeights(Map.of(Modality.VISUAL, 1.0, Modality.AUDIO, 0.0)));

        assertThat(visual).isEqualTo(MobSpace.of(MODEL, new ModalityWeights(Map.of(Modality.VISUAL, 1.0))));
        assertThat(visual).isNotEqualTo(MobSpace.of(MODEL, ModalityWeights.DEFAULT));
        assertThat(MobSpace.dimensions(MODEL, ModalityWeights.DEFAULT)).containsOnlyKeys(Modality.VISUAL, Modality.AUDIO)
                .containsEntry(Modality.VISUAL, 128);
    }

    @Test
    void aSpaceHasAName() {
        assertThatThrownBy(() -> new MobSpace(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MobSpace(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
