package org.milkmobs.application.port.out.analysis;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;

/** Embeds queries (and campaign references) into the active model's space. */
public interface QueryEmbedder {

    EmbeddingModel model();

    /** The text's vector, or empty when the model has no text space (the local model). */
    Optional<Embedding> embedText(String text);

    /**
     * @throws org.milkmobs.application.port.out.media.MediaRejectedException when the bytes are not an image
     */
    Embedding embedImage(byte[] image);

    /** As {@link #embedText(String)}, for a gateway API key: a paid model meters and budgets the call under the key too. */
    default Optional<Embedding> embedText(String text, String apiKeyId) {
        return embedText(text);
    }

    /**
     * One vector for a text and an image together (a composed query: the image, as the text describes or changes it), in the
     * space of the model's visual vectors; empty when the model has no composed input (the local model, Marengo 2.7), so the
     * caller searches by the parts instead.
     *
     * @throws org.milkmobs.application.port.out.media.MediaRejectedException when the bytes are not an image
     */
    default Optional<Embedding> embedTextAndImage(String text, byte[] image) {
        return Optional.empty();
    }

    /** As {@link #embedImage(byte[])}, for a gateway API key. */
    default Embedding embedImage(byte[] image, String apiKeyId) {
        return embedImage(image);
    }

    /**
     * The audio clip's vector, or a pending handle when the model embeds audio asynchronously (Marengo);
     * an adapter may wait a bounded time before it answers pending. The clip was probed: its duration is
     * what a model priced by the second is reserved and charged for.
     *
     * @throws org.milkmobs.application.port.out.media.MediaRejectedException when the model cannot take the clip
     */
    AudioEmbedding embedAudio(AudioClip clip);

    /** Where a pending audio embedding is now. */
    AudioEmbedding resumeAudio(String handle);

    /**
     * The stored modalities a query vector of {@code query}'s modality is compared with: a space the model
     * shares between them (Marengo's text meets visual, audio and speech), or just its own (the local model).
     */
    Set<Modality> comparableWith(Modality query);

    sealed interface AudioEmbedding {

        record Ready(Embedding embedding) implements AudioEmbedding {
            public Ready {
                Objects.requireNonNull(embedding, "embedding");
            }
        }

        record Pending(String handle) implements AudioEmbedding {
            public Pending {
                Objects.requireNonNull(handle, "handle");
            }
        }
    }
}
