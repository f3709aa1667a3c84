package org.milkmobs.adapters.persistence.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.search.SimilarReadPort.FusedMatch;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.video.VideoId;

/**
 * The k-NN of a similar request by the source's fused vector (ADR 0036, {@code similar_vector}): the index scan over the inner
 * product with the source's vector, each half scaled by its modality's weight, inside a materialized CTE as the legs' (ADR 0033);
 * then each row's visual and audio cosines from the halves of its own fused vector, no other row read.
 */
record FusedKnn(String statement, List<Object> parameters, int k) {

    static FusedKnn of(VideoId source, EmbeddingModel model, SearchConditions conditions, ModalityWeights weights, int k) {
        int d = model.dimension();
        String modelLiteral = VectorSearchSqlAdapter.literal(model);
        String fused = "::halfvec(" + 2 * d + ")";
        String sourceVector = "FROM similar_vector s WHERE s.video_id = ? AND s.model_id = " + modelLiteral;
        List<Object> parameters = new ArrayList<>();
        // the weights as real[] scalars, so that one statement text (and its generic plan) serves every weight
        parameters.add((float) weight(weights, Modality.VISUAL));
        parameters.add((float) weight(weights, Modality.AUDIO));
        parameters.add(source.value());
        parameters.addAll(conditions.parameters());
        parameters.add(source.value());
        parameters.add(source.value());
        String weighted = "(SELECT s.vector * (array_fill(?::real, ARRAY[" + d + "]) || array_fill(?::real, ARRAY[" + d + "]))::halfvec "
                + sourceVector + ")" + fused;
        String statement = "WITH nearest AS MATERIALIZED (\n"
                + "    SELECT f.video_id, f.has_audio, f.vector AS fused,\n"
                + "           f.vector" + fused + " <#> " + weighted + " AS distance\n"
                + "    FROM similar_vector f JOIN video v ON v.id = f.video_id\n"
                + "    WHERE f.model_id = " + modelLiteral + " AND f.dimension = " + d + conditions.sql() + "\n"
                + "    ORDER BY distance\n"
                + "    LIMIT " + VectorSearchSqlAdapter.Knn.limitFor(k) + "\n"
                + ")\n"
                + "SELECT n.video_id,\n"
                + "       -(subvector(n.fused, 1, " + d + ") <#> (SELECT subvector(s.vector, 1, " + d + ") " + sourceVector
                + ")) AS cosine_visual,\n"
                + "       CASE WHEN n.has_audio THEN -(subvector(n.fused, " + (d + 1) + ", " + d + ")\n"
                + "           <#> (SELECT subvector(s.vector, " + (d + 1) + ", " + d + ") " + sourceVector + " AND s.has_audio))"
                + " END AS cosine_audio\n"
                + "FROM nearest n\n"
                + "ORDER BY n.distance, n.video_id\n";
        return new FusedKnn(statement, List.copyOf(parameters), k);
    }

    private static double weight(ModalityWeights weights, Modality modality) {
        return weights.weights().getOrDefault(modality, 0.0);
    }

    /** A row: the candidate and its cosines (audio absent where it or the source has no audio vector). */
    static FusedMatch match(ResultSet row) throws SQLException {
        Map<Modality, Double> cosines = new EnumMap<>(Modality.class);
        cosines.put(Modality.VISUAL, row.getDouble("cosine_visual"));
        double audio = row.getDouble("cosine_audio");
        if (!row.wasNull()) {
            cosines.put(Modality.AUDIO, audio);
        }
        return new FusedMatch(new VideoId(Sql.uuid(row, "video_id")), cosines);
    }

    /** The first {@code k} of the statement's rows. */
    List<FusedMatch> top(List<FusedMatch> rows) {
        return VectorSearchSqlAdapter.Knn.top(rows, k);
    }
}
