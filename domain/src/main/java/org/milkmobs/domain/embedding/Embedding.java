package org.milkmobs.domain.embedding;

import java.util.Arrays;
import java.util.Objects;

/** One vector of a video: by which model, of which modality, over which segment (the whole video for an asset). */
public final class Embedding {

    private final EmbeddingModel model;
    private final Modality modality;
    private final Scope scope;
    private final Segment segment;
    private final float[] vector;

    public Embedding(EmbeddingModel model, Modality modality, Scope scope, Segment segment, float[] vector) {
        this.model = Objects.requireNonNull(model, "model");
        this.modality = Objects.requireNonNull(modality, "modality");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.vector = model.check(vector).clone();
    }

    public EmbeddingModel model() {
        return model;
    }

    public Modality modality() {
        return modality;
    }

    public Scope scope() {
        return scope;
    }

    public Segment segment() {
        return segment;
    }

    public float[] vector() {
        return vector.clone();
    }

    public boolean sameSpaceAs(Embedding other) {
        return model.equals(other.model) && modality == other.modality;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Embedding e && model.equals(e.model) && modality == e.modality && scope == e.scope
                && segment.equals(e.segment) && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, modality, scope, segment, Arrays.hashCode(vector));
    }

    @Override
    public String toString() {
        return "Embedding[" + model.id() + ", " + modality + ", " + scope + ", " + segment + "]";
    }
}
