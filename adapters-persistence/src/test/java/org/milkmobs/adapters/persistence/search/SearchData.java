package org.milkmobs.adapters.persistence.search;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.milkmobs.adapters.persistence.analysis.AnalysisStorageForTests;
import org.milkmobs.adapters.persistence.embedding.EmbeddingStorageForTests;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Hand-made videos for search tests, stored through the real adapters. */
final class SearchData {

    private final EntityManager em;
    private final Random random = new Random(3);

    SearchData(EntityManager em) {
        this.em = em;
    }

    Video video(String owner, VideoStatus status, String title, String description, Hashtags hashtags, Instant createdAt,
                String sha256) {
        Video video = Video.submit(VideoId.generate(), new UserId(owner), new Title(title), new Description(description), hashtags,
                createdAt);
        if (status != VideoStatus.SUBMITTED) {
            video.markUploaded(new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 12, 640, 360, 1000, new ContentHash(sha256)),
                    createdAt);
            video.startProcessing(createdAt);
            video.markAnalyzed(createdAt);
            if (status == VideoStatus.VALIDATED || status == VideoStatus.REJECTED) {
                video.decide(status == VideoStatus.VALIDATED, createdAt);
            }
        }
        return JpaTestSupport.inTransaction(em, ignored -> VideoStorageForTests.adapter(em).saveVideo(video));
    }

    Video video(String owner, VideoStatus status, Instant createdAt) {
        return video(owner, status, "A video", "", Hashtags.NONE, createdAt, uniqueHash());
    }

    void embeddings(VideoId video, EmbeddingModel model, List<Embedding> embeddings) {
        JpaTestSupport.inTransaction(em, ignored -> {
            EmbeddingStorageForTests.adapter(em).replaceEmbeddings(video, model, embeddings);
            return null;
        });
    }

    void analysis(VideoId video, String ocrText, String summary, List<Highlight> highlights) {
        JpaTestSupport.inTransaction(em, ignored -> {
            AnalysisStorageForTests.adapter(em).saveAnalysis(new Analysis(video, "test", OptionalDouble.empty(), ocrText, summary,
                    highlights, AudioHints.NO_AUDIO, Instant.parse("2026-11-01T00:00:00Z")));
            return null;
        });
    }

    /** A unit vector about {@code distance} (in norm) from the unit {@code centre}. */
    float[] near(float[] centre, double distance) {
        float[] v = centre.clone();
        double perDimension = distance / Math.sqrt(v.length);
        for (int d = 0; d < v.length; d++) {
            v[d] += (float) (random.nextGaussian() * perDimension);
        }
        return Vectors.normalised(v);
    }

    float[] randomUnit(int dimension) {
        return near(new float[dimension], 1);
    }

    String uniqueHash() {
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            hash.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hash.toString();
    }
}
