package org.milkmobs.application.service.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.analysis.QueryEmbedder.AudioEmbedding;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache.CachedQuery;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache.QueryKind;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;

/**
 * Query vectors, each made (and paid for) once per model: texts are cached by their normalised form, images
 * and audio clips by the SHA-256 of their bytes. The model is called outside any database transaction;
 * the cache is read and written in short transactions of its own.
 */
public class QueryVectors {

    private final QueryEmbedder embedder;
    private final AudioClipProber audioProber;
    private final QueryEmbeddingCache cache;
    private final Transactions transactions;
    private final Clock clock;

    public QueryVectors(QueryEmbedder embedder, AudioClipProber audioProber, QueryEmbeddingCache cache, Transactions transactions,
                        Clock clock) {
        this.embedder = embedder;
        this.audioProber = audioProber;
        this.cache = cache;
        this.transactions = transactions;
        this.clock = clock;
    }

    public EmbeddingModel model() {
        return embedder.model();
    }

    /** The text as it is embedded and cached: Unicode-normalised (NFKC), lower-cased, with single spaces. */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The text's vector, or empty when the model has no text space. */
    public Optional<Embedding> text(String text) {
        return text(text, Optional.empty());
    }

    /** As {@link #text(String)}, a paid call metered under the gateway key {@code apiKey} when there is one. */
    public Optional<Embedding> text(String text, Optional<String> apiKey) {
        if (embedder.comparableWith(Modality.TEXT).isEmpty()) {
            return Optional.empty();
        }
        String key = normalise(text);
        Optional<float[]> cached = cached(QueryKind.TEXT, key);
        if (cached.isPresent()) {
            return Optional.of(query(Modality.TEXT, cached.get()));
        }
        Optional<Embedding> made = apiKey.isPresent() ? embedder.embedText(key, apiKey.get()) : embedder.embedText(key);
        made.ifPresent(e -> remember(QueryKind.TEXT, key, CachedQuery.ready(e.vector(), clock.instant())));
        return made;
    }

    public Embedding image(byte[] image) {
        return image(image, Optional.empty());
    }

    /** As {@link #image(byte[])}, metered under the gateway key {@code apiKey} when there is one. */
    public Embedding image(byte[] image, Optional<String> apiKey) {
        String key = sha256(image);
        Optional<float[]> cached = cached(QueryKind.IMAGE, key);
        if (cached.isPresent()) {
            return query(Modality.IMAGE, cached.get());
        }
        Embedding made = apiKey.isPresent() ? embedder.embedImage(image, apiKey.get()) : embedder.embedImage(image);
        remember(QueryKind.IMAGE, key, CachedQuery.ready(made.vector(), clock.instant()));
        return made;
    }

    /**
     * One vector for the text and the image together, cached by both; empty when the model has no composed input, and then
     * nothing is cached (the parts are, when the caller embeds them).
     */
    public Optional<Embedding> textAndImage(String text, byte[] image) {
        String key = composedKey(text, image);
        Optional<float[]> cached = cached(QueryKind.COMPOSED, key);
        if (cached.isPresent()) {
            return Optional.of(query(Modality.IMAGE, cached.get()));
        }
        Optional<Embedding> made = embedder.embedTextAndImage(normalise(text), image);
        made.ifPresent(e -> remember(QueryKind.COMPOSED, key, CachedQuery.ready(e.vector(), clock.instant())));
        return made;
    }

    /** What identifies a composed query: its normalised text and its image's bytes. */
    public static String composedKey(String text, byte[] image) {
        return sha256((normalise(text) + "\n" + sha256(image)).getBytes(StandardCharsets.UTF_8));
    }

    /** Which stored modalities a query of this kind is compared with. */
    public java.util.Set<Modality> comparableWith(Modality query) {
        return embedder.comparableWith(query);
    }

    /** The vector of an image embedded before, by the SHA-256 of its bytes. */
    public Optional<Embedding> cachedImage(String key) {
        return cached(QueryKind.IMAGE, key).map(vector -> query(Modality.IMAGE, vector));
    }

    /**
     * The clip's vector, or pending; {@link #resumeAudio} continues with the clip's SHA-256. A clip not
     * embedded before is probed first, so the model is reserved and charged for the seconds it really lasts.
     *
     * @throws org.milkmobs.application.port.out.media.MediaRejectedException when the clip is not audio or too long
     */
    public AudioEmbedding audio(byte[] audio) {
        String key = sha256(audio);
        Optional<CachedQuery> cached = transactions.inTransaction(() -> cache.find(model(), QueryKind.AUDIO, key));
        if (cached.isPresent()) {
            return resolve(key, cached.get());
        }
        return settle(key, embedder.embedAudio(audioProber.probe(audio)));
    }

    /** Where the audio query with this SHA-256 is; empty when no such query was made. */
    public Optional<AudioEmbedding> resumeAudio(String key) {
        return transactions.inTransaction(() -> cache.find(model(), QueryKind.AUDIO, key)).map(cached -> resolve(key, cached));
    }

    private AudioEmbedding resolve(String key, CachedQuery cached) {
        if (cached.vector().isPresent()) {
            return new AudioEmbedding.Ready(query(Modality.AUDIO, cached.vector().get()));
        }
        return settle(key, embedder.resumeAudio(cached.pendingHandle().orElseThrow()));
    }

    private AudioEmbedding settle(String key, AudioEmbedding embedding) {
        CachedQuery entry = embedding instanceof AudioEmbedding.Ready ready
                ? CachedQuery.ready(ready.embedding().vector(), clock.instant())
                : CachedQuery.pending(((AudioEmbedding.Pending) embedding).handle(), clock.instant());
        remember(QueryKind.AUDIO, key, entry);
        return embedding;
    }

    private Optional<float[]> cached(QueryKind kind, String key) {
        return transactions.inTransaction(() -> cache.find(model(), kind, key)).flatMap(CachedQuery::vector);
    }

    private void remember(QueryKind kind, String key, CachedQuery entry) {
        transactions.inTransaction(() -> {
            cache.store(model(), kind, key, entry);
            return null;
        });
    }

    private Embedding query(Modality modality, float[] vector) {
        return new Embedding(model(), modality, Scope.ASSET, new Segment(0, 0), vector);
    }
}
