package org.milkmobs.application.service.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.application.service.video.VideoUrls;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.InMemorySimilarRead;
import org.milkmobs.application.testing.InMemoryVideoDetails;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryQueryEmbeddingCache;
import org.milkmobs.application.testing.InMemoryTextSearch;
import org.milkmobs.application.testing.InMemoryVectorSearch;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The search services' world on the in-memory twins: videos, their clip vectors in a small space whose axes stand for what
 * is seen or said, the vector and full-text twins, the query cache, and a scripted query embedder that counts its calls.
 */
final class SearchFixture {

    static final EmbeddingModel MODEL = new EmbeddingModel("test-model", 8);
    static final int WINDOW = 200;
    static final Caller ADMIN = Caller.admin(new UserId("search-admin"));
    static final Transactions DIRECT = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    final InMemoryVideoStore videos = new InMemoryVideoStore();
    final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    final InMemoryVectorSearch vectors = new InMemoryVectorSearch(videos, embeddings);
    final InMemoryTextSearch texts = new InMemoryTextSearch(videos);
    final InMemoryQueryEmbeddingCache cache = new InMemoryQueryEmbeddingCache();
    final ScriptedEmbedder embedder = new ScriptedEmbedder();
    final QueryVectors queries = new QueryVectors(embedder, clip -> new AudioClip(clip, 3), cache, DIRECT,
            Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));
    final InMemoryVideoDetails details = new InMemoryVideoDetails(videos, new InMemoryAnalysisStore(), new InMemoryMobs(),
            new InMemoryNearDuplicateStore());
    final InMemorySimilarRead similarReads = new InMemorySimilarRead(videos, embeddings, vectors, details);
    final ResultCards cards = new ResultCards(details, new VideoUrls(new InMemoryBlobStorage(),
            new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1))));

    /** A stored, searchable video whose one clip (0–6 s) has {@code visual} as its picture. */
    Video video(String title, float[] visual) {
        Video video = videos.saveVideo(Video.submit(VideoId.generate(), new UserId("owner"), new Title(title), Description.EMPTY,
                Hashtags.of("#milkmob"), TestVideos.NOW));
        embeddings.replaceEmbeddings(video.id(), MODEL, List.of(new Embedding(MODEL, Modality.VISUAL, Scope.CLIP, new Segment(0, 6),
                Vectors.normalised(visual))));
        texts.index(video.id());
        return video;
    }

    /** A stored video with a visual and an audio asset vector and one visual and one audio clip like them: what similar search reads. */
    Video analysed(String title, float[] visual, float[] audio) {
        Video video = videos.saveVideo(Video.submit(VideoId.generate(), new UserId("owner"), new Title(title), Description.EMPTY,
                Hashtags.of("#milkmob"), TestVideos.NOW));
        embeddings.replaceEmbeddings(video.id(), MODEL, List.of(
                new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 6), Vectors.normalised(visual)),
                new Embedding(MODEL, Modality.AUDIO, Scope.ASSET, new Segment(0, 6), Vectors.normalised(audio)),
                new Embedding(MODEL, Modality.VISUAL, Scope.CLIP, new Segment(0, 6), Vectors.normalised(visual)),
                new Embedding(MODEL, Modality.AUDIO, Scope.CLIP, new Segment(0, 6), Vectors.normalised(audio))));
        texts.index(video.id());
        return video;
    }

    /** A stored video with a visual asset vector and a visual clip like it, and no sound. */
    Video silent(String title, float[] visual) {
        Video video = videos.saveVideo(Video.submit(VideoId.generate(), new UserId("owner"), new Title(title), Description.EMPTY,
                Hashtags.of("#milkmob"), TestVideos.NOW));
        embeddings.replaceEmbeddings(video.id(), MODEL, List.of(
                new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 6), Vectors.normalised(visual)),
                new Embedding(MODEL, Modality.VISUAL, Scope.CLIP, new Segment(0, 6), Vectors.normalised(visual))));
        texts.index(video.id());
        return video;
    }

    static SearchOptions options(double threshold, int limit, Optional<String> cursor) {
        return new SearchOptions(ADMIN, SearchFilters.NONE, threshold, GroupBy.VIDEO, limit, cursor);
    }

    /** A unit vector along {@code axes} summed. */
    static float[] along(int... axes) {
        float[] v = new float[MODEL.dimension()];
        for (int axis : axes) {
            v[axis] += 1;
        }
        return Vectors.normalised(v);
    }

    /**
     * Texts and images are looked up in scripts; a composed vector, when the model has one, is the normalised sum of the
     * parts, as Marengo's would lie between them.
     */
    static final class ScriptedEmbedder implements QueryEmbedder {

        final Map<String, float[]> textVectors = new HashMap<>();
        final Map<String, float[]> imageVectors = new HashMap<>();
        final Map<String, float[]> audioVectors = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        boolean composes;
        boolean embedsText;

        @Override
        public EmbeddingModel model() {
            return MODEL;
        }

        @Override
        public Optional<Embedding> embedText(String text) {
            calls.add("text:" + text);
            return embedsText ? Optional.of(query(Modality.TEXT, textVectors.get(text))) : Optional.empty();
        }

        @Override
        public Embedding embedImage(byte[] image) {
            calls.add("image");
            return query(Modality.IMAGE, image(image));
        }

        @Override
        public Optional<Embedding> embedTextAndImage(String text, byte[] image) {
            calls.add("text_image:" + text);
            if (!composes) {
                return Optional.empty();
            }
            float[] sum = textVectors.get(text).clone();
            float[] picture = image(image);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += picture[i];
            }
            return Optional.of(query(Modality.IMAGE, Vectors.normalised(sum)));
        }

        private float[] image(byte[] image) {
            float[] vector = imageVectors.get(new String(image, java.nio.charset.StandardCharsets.ISO_8859_1));
            if (vector == null) {
                throw MediaRejectedException.invalid("the upload is not an image");
            }
            return vector;
        }

        @Override
        public AudioEmbedding embedAudio(AudioClip clip) {
            calls.add("audio");
            float[] vector = audioVectors.get(new String(clip.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
            if (vector == null) {
                throw MediaRejectedException.invalid("the upload is not audio");
            }
            return new AudioEmbedding.Ready(query(Modality.AUDIO, vector));
        }

        @Override
        public AudioEmbedding resumeAudio(String handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Modality> comparableWith(Modality query) {
            return switch (query) {
                case TEXT -> embedsText ? Set.of(Modality.VISUAL, Modality.AUDIO) : Set.of();
                case AUDIO -> Set.of(Modality.AUDIO);
                default -> Set.of(Modality.VISUAL);
            };
        }

        private static Embedding query(Modality modality, float[] vector) {
            return new Embedding(MODEL, modality, Scope.ASSET, new Segment(0, 0), vector);
        }
    }
}
