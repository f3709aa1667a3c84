package org.milkmobs.adapters.persistence.search;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;

/**
 * A query embedder at the port boundary: vectors the test chooses, call counts, and an audio embedding
 * that stays pending for as many polls as the test says (as Marengo's asynchronous one does).
 */
final class FakeQueryEmbedder implements QueryEmbedder {

    private final EmbeddingModel model;
    private final boolean textSpace;
    private final Map<String, float[]> texts = new HashMap<>();
    private float[] image;
    private float[] audio;
    private int pendingPolls;
    int textCalls;
    int imageCalls;
    int audioCalls;
    int resumeCalls;
    double audioSeconds;

    FakeQueryEmbedder(EmbeddingModel model, boolean textSpace) {
        this.model = model;
        this.textSpace = textSpace;
    }

    FakeQueryEmbedder text(String normalised, float[] vector) {
        texts.put(normalised, vector);
        return this;
    }

    FakeQueryEmbedder image(float[] vector) {
        this.image = vector;
        return this;
    }

    FakeQueryEmbedder audio(float[] vector, int pendingPolls) {
        this.audio = vector;
        this.pendingPolls = pendingPolls;
        return this;
    }

    @Override
    public EmbeddingModel model() {
        return model;
    }

    @Override
    public Optional<Embedding> embedText(String text) {
        textCalls++;
        if (!textSpace) {
            return Optional.empty();
        }
        float[] vector = texts.get(text);
        if (vector == null) {
            throw new AssertionError("no vector prepared for the text '" + text + "'");
        }
        return Optional.of(query(Modality.TEXT, vector));
    }

    @Override
    public Embedding embedImage(byte[] bytes) {
        imageCalls++;
        return query(Modality.IMAGE, image);
    }

    @Override
    public AudioEmbedding embedAudio(AudioClip clip) {
        audioCalls++;
        audioSeconds = clip.seconds();
        return pendingPolls == 0 ? new AudioEmbedding.Ready(query(Modality.AUDIO, audio)) : new AudioEmbedding.Pending("job-1");
    }

    @Override
    public AudioEmbedding resumeAudio(String handle) {
        resumeCalls++;
        if (!handle.equals("job-1")) {
            throw new AssertionError("resumed an unknown handle " + handle);
        }
        pendingPolls--;
        return pendingPolls <= 0 ? new AudioEmbedding.Ready(query(Modality.AUDIO, audio)) : new AudioEmbedding.Pending(handle);
    }

    @Override
    public Set<Modality> comparableWith(Modality query) {
        return switch (query) {
            case TEXT -> textSpace ? Set.of(Modality.VISUAL, Modality.TRANSCRIPTION) : Set.of();
            case IMAGE, VISUAL -> Set.of(Modality.VISUAL);
            case AUDIO -> Set.of(Modality.AUDIO);
            default -> Set.of();
        };
    }

    private Embedding query(Modality modality, float[] vector) {
        return new Embedding(model, modality, Scope.ASSET, new Segment(0, 0), vector);
    }
}
