package org.milkmobs.adapters.persistence.search;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.video.VideoId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Synthetic videos with clustered vectors (what embeddings look like: tight groups, not uniform noise),
 * bulk-loaded with COPY. Each video gets a visual and an audio asset vector and {@code clipsPerVideo}
 * visual clips of 4 s near its asset vector; {@code noise} is how far (in norm) a member lies from its
 * cluster's unit centre. Deterministic for a seed. For search tests and benchmarks.
 */
public final class SyntheticCorpus {

    private final EmbeddingModel model;
    private final List<VideoId> videos;
    private final List<Integer> clusters;
    private final List<float[]> visualAssets;
    private final List<float[]> audioAssets;
    private final float[][] centres;
    private final Random random;
    private final double noise;

    private SyntheticCorpus(EmbeddingModel model, List<VideoId> videos, List<Integer> clusters, List<float[]> visualAssets,
                            List<float[]> audioAssets, float[][] centres, Random random, double noise) {
        this.model = model;
        this.videos = videos;
        this.clusters = clusters;
        this.visualAssets = visualAssets;
        this.audioAssets = audioAssets;
        this.centres = centres;
        this.random = random;
        this.noise = noise;
    }

    /**
     * Loads {@code count} validated videos owned by {@code owner-<i % 10>}, created one second apart from
     * {@code firstCreated}, with hashtag {@code cluster<c>}.
     */
    public static SyntheticCorpus load(DataSource dataSource, EmbeddingModel model, int count, int clusterCount, int clipsPerVideo,
                                       double noise, long seed) {
        Random random = new Random(seed);
        float[][] centres = new float[clusterCount][];
        for (int c = 0; c < clusterCount; c++) {
            centres[c] = gaussian(random, model.dimension(), 1);
        }
        List<VideoId> videos = new ArrayList<>();
        List<Integer> clusters = new ArrayList<>();
        List<float[]> visualAssets = new ArrayList<>();
        List<float[]> audioAssets = new ArrayList<>();
        float[][] audioCentres = new float[clusterCount][];
        for (int c = 0; c < clusterCount; c++) {
            audioCentres[c] = gaussian(random, model.dimension(), 1);
        }
        Instant firstCreated = Instant.parse("2026-01-01T00:00:00Z");
        StringBuilder videoRows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(0x0190000000007000L | (long) i << 16, 0x8000000000000000L | i);
            int cluster = i % clusterCount;
            Instant created = firstCreated.plusSeconds(i);
            videoRows.append(id).append('\t').append("owner-").append(i % 10).append('\t').append("Video ").append(i).append('\t')
                    .append("synthetic").append('\t').append("{cluster").append(cluster).append("}").append('\t').append("VALIDATED")
                    .append('\t').append(created).append('\t').append(created).append('\t').append(0).append('\n');
            videos.add(new VideoId(id));
            clusters.add(cluster);
        }
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY video (id, owner_id, title, description, hashtags, status, created_at, updated_at, version) FROM STDIN",
                    new StringReader(videoRows.toString()));
            // embeddings are streamed in chunks: 100k videos' rows as one text would need gigabytes
            CopyIn embeddings = copy.copyIn(
                    "COPY embedding (video_id, model_id, modality, scope, start_seconds, end_seconds, dimension, vector) FROM STDIN");
            try {
                StringBuilder rows = new StringBuilder();
                for (int i = 0; i < count; i++) {
                    UUID id = videos.get(i).value();
                    int cluster = clusters.get(i);
                    float[] visual = near(centres[cluster], random, noise);
                    visualAssets.add(visual);
                    appendEmbedding(rows, id, model, "VISUAL", "ASSET", 0, 4 * clipsPerVideo, visual);
                    float[] audio = near(audioCentres[cluster], random, noise);
                    audioAssets.add(audio);
                    appendEmbedding(rows, id, model, "AUDIO", "ASSET", 0, 4 * clipsPerVideo, audio);
                    for (int clip = 0; clip < clipsPerVideo; clip++) {
                        appendEmbedding(rows, id, model, "VISUAL", "CLIP", 4 * clip, 4 * clip + 4, near(visual, random, noise / 2));
                    }
                    if (rows.length() > 1 << 20 || i == count - 1) {
                        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                        embeddings.writeToCopy(bytes, 0, bytes.length);
                        rows.setLength(0);
                    }
                }
                embeddings.endCopy();
            } finally {
                if (embeddings.isActive()) {
                    embeddings.cancelCopy();
                }
            }
            try (var statement = c.createStatement()) {
                statement.execute("ANALYZE video; ANALYZE embedding");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("loading the synthetic corpus failed", e);
        }
        return new SyntheticCorpus(model, videos, clusters, visualAssets, audioAssets, centres, random, noise);
    }

    public List<VideoId> videos() {
        return videos;
    }

    public int clusterOf(VideoId video) {
        return clusters.get(videos.indexOf(video));
    }

    public float[] visualAsset(int index) {
        return visualAssets.get(index).clone();
    }

    public float[] audioAsset(int index) {
        return audioAssets.get(index).clone();
    }

    /** A fresh vector near a cluster's centre (as a query about that cluster would be). */
    public float[] queryNear(int cluster) {
        return near(centres[cluster], random, noise);
    }

    public EmbeddingModel model() {
        return model;
    }

    private static void appendEmbedding(StringBuilder rows, UUID video, EmbeddingModel model, String modality, String scope, double start,
                                        double end, float[] vector) {
        rows.append(video).append('\t').append(model.id()).append('\t').append(modality).append('\t').append(scope).append('\t')
                .append(start).append('\t').append(end).append('\t').append(model.dimension()).append('\t');
        rows.append('[');
        for (int d = 0; d < vector.length; d++) {
            if (d > 0) {
                rows.append(',');
            }
            rows.append(String.format(Locale.ROOT, "%.5f", vector[d]));
        }
        rows.append("]\n");
    }

    /** A unit vector about {@code noise} (in norm) away from the unit {@code centre}. */
    private static float[] near(float[] centre, Random random, double noise) {
        float[] v = centre.clone();
        double perDimension = noise / Math.sqrt(v.length);
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (random.nextGaussian() * perDimension);
        }
        return Vectors.normalised(v);
    }

    private static float[] gaussian(Random random, int dimension, double scale) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) (random.nextGaussian() * scale);
        }
        return Vectors.normalised(v);
    }
}
