package org.milkmobs.adapters.aws.bedrock;

import org.milkmobs.domain.embedding.EmbeddingModel;

/**
 * The two Marengo generations. Their request bodies differ (3.0 nests the input under a key named after
 * its type; 2.7 is flat) and their vectors live in different spaces.
 */
public enum MarengoVersion {
    V3_0(EmbeddingModel.MARENGO_3),
    /** Legacy: end of life 2026-11-30. */
    V2_7(EmbeddingModel.MARENGO_2_7);

    private final EmbeddingModel model;

    MarengoVersion(EmbeddingModel model) {
        this.model = model;
    }

    public EmbeddingModel model() {
        return model;
    }

    /** The version a configured model id or inference profile ({@code us.twelvelabs.marengo-embed-2-7-v1:0}) names. */
    public static MarengoVersion of(String modelId) {
        if (modelId.contains("marengo-embed-3-0")) {
            return V3_0;
        }
        if (modelId.contains("marengo-embed-2-7")) {
            return V2_7;
        }
        throw new IllegalArgumentException("bedrock.marengo.model must name Marengo Embed 3.0 or 2.7, got '" + modelId + "'");
    }
}
