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
     * An admin's first read of the videos like {@code video}, without filters, {@code k} deep per leg: the settings (with the
     * generic plan the endpoint takes outside a transaction, ADR 0033), the source's row and one leg per modality searched
     * (visual, then {@code alongside}'s), in one round trip. Every video's SQL is the same text.
     */
    public static Statement firstRead(EmbeddingModel model, VideoId video, Set<Modality> alongside, int k) {
        SimilarReadSqlAdapter.FirstRead read = SimilarReadSqlAdapter.FirstRead.of(video, model, Visibility.everything(), SearchFilters.NONE,
                alongside, k);
        return new Statement(VectorSearchSqlAdapter.Knn.GENERIC_SETTINGS + ";\n" + String.join(";\n", read.statements()),
                read.parameters());
    }

    /** The visual leg of {@link #firstRead} alone, with its parameters. */
    public static Statement visualLeg(EmbeddingModel model, VideoId video, Set<Modality> alongside, int k) {
        SimilarReadSqlAdapter.FirstRead read = SimilarReadSqlAdapter.FirstRead.of(video, model, Visibility.everything(), SearchFilters.NONE,
                alongside, k);
        VectorSearchSqlAdapter.Knn leg = read.leg(Modality.VISUAL).knn();
        return new Statement(leg.statement(), leg.parameters());
    }

    /** The k-NN by the fused vector (ADR 0036) of an admin's first read of the videos like {@code video} at {@code weights}, without filters. */
    public static Statement fusedKnn(EmbeddingModel model, VideoId video, ModalityWeights weights, int k) {
        FusedKnn knn = FusedKnn.of(video, model, SimilarReadSqlAdapter.candidates(video, Visibility.everything(), SearchFilters.NONE), weights, k);
        return new Statement(knn.statement(), knn.parameters());
    }

    /** The parameters of {@link #BEST_CLIPS}. */
    public static List<Object> bestClipParameters(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> videos,
                                                  int perVideo) {
        return List.of(VectorSearchSqlAdapter.bestClipParameters(model, modalities, source, videos, perVideo));
    }
}
