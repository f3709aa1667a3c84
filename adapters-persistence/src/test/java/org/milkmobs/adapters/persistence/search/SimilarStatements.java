package org.milkmobs.adapters.persistence.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoId;

/**
 * The statements a similar-videos request sends, as {@link SimilarReadSqlAdapter} and {@link VectorSearchSqlAdapter} write
 * them, for the search benchmark to time and explain outside the server: the same SQL and parameters, not a copy that could
 * drift from them.
 */
public final class SimilarStatements {

    /** The page's best clips (six parameters, {@link #bestClipParameters}). */
    public static final String BEST_CLIPS = VectorSearchSqlAdapter.BEST_CLIPS;

    private SimilarStatements() {
    }

    /** A statement (or a round trip of several, split by {@code ;}) and its parameters in order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    /**
     * An admin's first read by the fused vector (ADR 0036) of the videos like {@code video} at {@code weights}, without filters,
     * {@code k} deep: the settings (with the generic plan), the source's row and the fused k-NN, in one round trip.
     */
    public static Statement fusedFirstRead(EmbeddingModel model, VideoId video, ModalityWeights weights, int k) {
        SimilarReadSqlAdapter.FusedRead read = fusedRead(model, video, weights, k);
        return new Statement(VectorSearchSqlAdapter.Knn.GENERIC_SETTINGS + ";\n" + String.join(";\n", read.statements()), read.parameters());
    }

    /** The fused k-NN of {@link #fusedFirstRead} alone, with its parameters. */
    public static Statement fusedKnn(EmbeddingModel model, VideoId video, ModalityWeights weights, int k) {
        FusedKnn knn = fusedRead(model, video, weights, k).knn();
        return new Statement(knn.statement(), knn.parameters());
    }

    private static SimilarReadSqlAdapter.FusedRead fusedRead(EmbeddingModel model, VideoId video, ModalityWeights weights, int k) {
        return SimilarReadSqlAdapter.FusedRead.of(video, model, Visibility.everything(), SearchFilters.NONE, weights, k);
    }

    /** The parameters of {@link #BEST_CLIPS}. */
    public static List<Object> bestClipParameters(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> videos,
                                                  int perVideo) {
        return List.of(VectorSearchSqlAdapter.bestClipParameters(model, modalities, source, videos, perVideo));
    }
}
