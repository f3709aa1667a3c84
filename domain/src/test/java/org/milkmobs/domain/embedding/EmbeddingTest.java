package org.milkmobs.domain.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;

class EmbeddingTest {

    private static final EmbeddingModel TINY = new EmbeddingModel("tiny", 3);

    @Test
    void aVectorMustHaveItsModelsDimensionAndFiniteValues() {
        assertThatThrownBy(() -> new Embedding(TINY, Modality.VISUAL, Scope.ASSET, new Segment(0, 1), new float[4]))
                .hasMessageContaining("3-dimensional");
        assertThatThrownBy(() -> new Embedding(TINY, Modality.VISUAL, Scope.ASSET, new Segment(0, 1), new float[] {1, Float.NaN, 0}))
                .hasMessageContaining("non-finite");
    }

    /** Defect 12: a zero vector's cosines are NaN; a model that answers one has answered nothing usable. */
    @Test
    void aVectorWithoutDirectionIsRefused() {
        assertThatThrownBy(() -> new Embedding(TINY, Modality.VISUAL, Scope.ASSET, new Segment(0, 1), new float[3]))
                .hasMessageContaining("zero length");
        assertThatThrownBy(() -> new Embedding(TINY, Modality.VISUAL, Scope.ASSET, new Segment(0, 1), new float[] {0, Float.NaN, 0}))
                .hasMessageContaining("non-finite");
    }

    @Test
    void embeddingsAreValuesAndDefensivelyCopied() {
        float[] v = {1, 2, 3};
        Embedding e = new Embedding(TINY, Modality.AUDIO, Scope.CLIP, new Segment(0, 4), v);
        v[0] = 99;

        assertThat(e.vector()[0]).isEqualTo(1);
        assertThat(e).isEqualTo(new Embedding(TINY, Modality.AUDIO, Scope.CLIP, new Segment(0, 4), new float[] {1, 2, 3}));
        assertThat(e.sameSpaceAs(new Embedding(TINY, Modality.VISUAL, Scope.CLIP, new Segment(0, 4), new float[] {0, 1, 0}))).isFalse();
    }

    @Test
    void segmentsAndModelsValidateThemselves() {
        assertThatThrownBy(() -> new Segment(5, 4)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Segment(-1, 4)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new EmbeddingModel("m", 0)).isInstanceOf(InvalidValueException.class);
        assertThat(EmbeddingModel.MARENGO_3.dimension()).isEqualTo(512);
    }

    @Test
    void vectorArithmetic() {
        assertThat(Vectors.cosine(new float[] {1, 0}, new float[] {0, 1})).isZero();
        assertThat(Vectors.cosine(new float[] {1, 1}, new float[] {2, 2})).isCloseTo(1, within(1e-9));
        assertThat(Vectors.cosine(new float[] {0, 0}, new float[] {2, 2})).isZero();
        float[] unit = Vectors.normalised(new float[] {3, 4});
        assertThat(unit[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(Vectors.mean(List.of(new float[] {1, 3}, new float[] {3, 5}))).containsExactly(2, 4);
        assertThatThrownBy(() -> Vectors.dot(new float[2], new float[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
