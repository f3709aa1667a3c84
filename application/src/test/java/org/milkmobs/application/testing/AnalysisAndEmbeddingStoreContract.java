package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.video.VideoId;

/** What stores of analyses and embeddings must do; run on the in-memory twins and on PostgreSQL. */
public abstract class AnalysisAndEmbeddingStoreContract extends ContractSuite {

    protected static final EmbeddingModel SMALL = new EmbeddingModel("local-perceptual-v1", 128);

    protected abstract AnalysisStore analyses();

    protected abstract EmbeddingStore embeddings();

    /** A video the stores may refer to (the database needs its row). */
    protected abstract VideoId aVideo();

    private final Random random = new Random(5);

    protected float[] unitVector(int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }

    @Test
    void anAnalysisRoundTripsAndASecondSaveReplacesIt() {
        VideoId video = aVideo();
        Analysis first = new Analysis(video, "pegasus-1.2", OptionalDouble.of(0.82), "MILK MOB", "Kids pour milk.",
                List.of(new Highlight(new Segment(1.5, 4.25), "the pour")), new AudioHints(false, true, false),
                Instant.parse("2026-11-23T10:00:00Z"));
        Analysis local = new Analysis(video, "local-v1", OptionalDouble.empty(), "MILK", "", List.of(), AudioHints.NO_AUDIO,
                Instant.parse("2026-11-23T11:00:00Z"), List.of("blue", "white", "moving"));

        inTransaction(() -> {
            analyses().saveAnalysis(first);
            return null;
        });
        assertThat(inTransaction(() -> analyses().findAnalysis(video))).contains(first);
        inTransaction(() -> {
            analyses().saveAnalysis(local);
            return null;
        });
        Analysis stored = inTransaction(() -> analyses().findAnalysis(video)).orElseThrow();
        assertThat(stored).isEqualTo(local);
        assertThat(stored.participationScore()).as("absent stays absent, not zero").isEmpty();
        assertThat(inTransaction(() -> analyses().findAnalysis(VideoId.generate()))).isEmpty();
        VideoId none = VideoId.generate();
        assertThat(inTransaction(() -> analyses().findAnalyses(List.of(video, none)))).as("a page's analyses in one read")
                .containsOnlyKeys(video).containsEntry(video, local);
    }

    @Test
    void embeddingsRoundTripWithinHalfPrecisionAndReplacingIsIdempotent() {
        VideoId video = aVideo();
        List<Embedding> set = List.of(
                new Embedding(SMALL, Modality.VISUAL, Scope.CLIP, new Segment(0, 4), unitVector(128)),
                new Embedding(SMALL, Modality.VISUAL, Scope.CLIP, new Segment(4, 7.5), unitVector(128)),
                new Embedding(SMALL, Modality.VISUAL, Scope.ASSET, new Segment(0, 7.5), unitVector(128)),
                new Embedding(SMALL, Modality.AUDIO, Scope.ASSET, new Segment(0, 7.5), unitVector(128)));

        inTransaction(() -> {
            embeddings().replaceEmbeddings(video, SMALL, set);
            embeddings().replaceEmbeddings(video, SMALL, set);
            return null;
        });
        List<Embedding> stored = inTransaction(() -> embeddings().findEmbeddings(video, SMALL));

        assertThat(stored).hasSize(4);
        assertThat(stored).extracting(Embedding::modality, Embedding::scope)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Modality.VISUAL, Scope.CLIP),
                        org.assertj.core.groups.Tuple.tuple(Modality.VISUAL, Scope.CLIP),
                        org.assertj.core.groups.Tuple.tuple(Modality.VISUAL, Scope.ASSET),
                        org.assertj.core.groups.Tuple.tuple(Modality.AUDIO, Scope.ASSET));
        for (Embedding original : set) {
            Embedding back = stored.stream().filter(e -> e.modality() == original.modality() && e.scope() == original.scope()
                    && e.segment().equals(original.segment())).findFirst().orElseThrow();
            assertThat(Vectors.cosine(back.vector(), original.vector())).isCloseTo(1.0, within(1e-3));
        }
    }

    @Test
    void replacingOneModelLeavesAnotherModelsVectorsAlone() {
        VideoId video = aVideo();
        EmbeddingModel marengo = EmbeddingModel.MARENGO_3;
        inTransaction(() -> {
            embeddings().replaceEmbeddings(video, marengo,
                    List.of(new Embedding(marengo, Modality.VISUAL, Scope.ASSET, new Segment(0, 5), unitVector(512))));
            embeddings().replaceEmbeddings(video, SMALL,
                    List.of(new Embedding(SMALL, Modality.VISUAL, Scope.ASSET, new Segment(0, 5), unitVector(128))));
            embeddings().replaceEmbeddings(video, SMALL, List.of());
            return null;
        });

        assertThat(inTransaction(() -> embeddings().findEmbeddings(video, SMALL))).isEmpty();
        assertThat(inTransaction(() -> embeddings().findEmbeddings(video, marengo))).hasSize(1)
                .allSatisfy(e -> assertThat(e.vector()).hasSize(512));
    }

    @Test
    void aVectorOfAnotherModelCannotBeFiledUnderThisOne() {
        VideoId video = aVideo();
        Embedding marengo = new Embedding(EmbeddingModel.MARENGO_3, Modality.VISUAL, Scope.ASSET, new Segment(0, 5), unitVector(512));

        assertThatThrownBy(() -> inTransaction(() -> {
            embeddings().replaceEmbeddings(video, SMALL, List.of(marengo));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
