package org.milkmobs.domain.embedding;

import java.util.Objects;
import org.milkmobs.domain.InvalidValueException;

/**
 * The model that made a vector, and its dimension. Vectors of different models (or dimensions) live in
 * different spaces: comparing them is meaningless, so nothing ever does.
 */
public record EmbeddingModel(String id, int dimension) {

    public static final EmbeddingModel MARENGO_3 = new EmbeddingModel("twelvelabs.marengo-embed-3-0-v1:0", 512);
    public static final EmbeddingModel MARENGO_2_7 = new EmbeddingModel("twelvelabs.marengo-embed-2-7-v1:0", 1024);

    public EmbeddingModel {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > 128) {
            throw new InvalidValueException("model", "a model id has 1 to 128 characters");
        }
        if (dimension < 1 || dimension > 4096) {
            throw new InvalidValueException("dimension", "a dimension is between 1 and 4096, got " + dimension);
        }
    }

    /** Checks that {@code vector} belongs to this model's space. */
    public float[] check(float[] vector) {
        if (vector == null || vector.length != dimension) {
            throw new IllegalArgumentException("model " + id + " makes " + dimension + "-dimensional vectors, got "
                    + (vector == null ? "none" : vector.length));
        }
        double squares = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("a vector of " + id + " holds a non-finite value");
            }
            squares += (double) v * v;
        }
        // a zero vector has no direction: every cosine with it is NaN, which no ranking can order
        if (squares == 0) {
            throw new IllegalArgumentException("a vector of " + id + " has zero length; it has no direction to compare");
        }
        return vector;
    }
}
