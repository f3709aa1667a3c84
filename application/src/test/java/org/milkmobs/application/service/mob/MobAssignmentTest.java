package org.milkmobs.application.service.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/** The incremental placement on the twins: the domain's membership rule, applied within the configured space. */
class MobAssignmentTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final EmbeddingModel MODEL = new EmbeddingModel("local-perceptual-v1", 4);

    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final VideoVectors vectors = new VideoVectors(embeddings, MODEL, new ModalityWeights(Map.of(Modality.VISUAL, 1.0)));
    private final MobAssignment assignment = new MobAssignment(mobs, mobs, vectors,
            new MobSettings(0.8, 2, Optional.empty(), 1, 0.7, Duration.ofHours(1)));

    private VideoId video(float... visual) {
        VideoId id = VideoId.generate();
        embeddings.replaceEmbeddings(id, MODEL, List.of(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 10), visual)));
        return id;
    }

    @Test
    void aLookAlikeJoinsTheMobAnUnlikeVideoFoundsOneAndAtTheCapTheNearestTakesIt() {
        MobId red = assignment.assign(video(1, 0, 0, 0), NOW).orElseThrow();
        MobId lookAlike = assignment.assign(video(1, 0.1f, 0, 0), NOW).orElseThrow();
        MobId blue = assignment.assign(video(0, 0, 1, 0), NOW).orElseThrow();
        MobId atTheCap = assignment.assign(video(0.1f, 0, 0.2f, 1), NOW).orElseThrow();

        assertThat(lookAlike).isEqualTo(red);
        assertThat(blue).isNotEqualTo(red);
        assertThat(atTheCap).as("two mobs is the cap: the nearest takes the unlike video").isEqualTo(blue);
        assertThat(mobs.listMobs(vectors.space())).extracting(MobSummary::size).containsExactlyInAnyOrder(2, 2);
    }

    @Test
    void aVideoInAMobStaysAndAVideoWithoutAVisualVectorIsNotPlaced() {
        VideoId video = video(1, 0, 0, 0);
        MobId mob = assignment.assign(video, NOW).orElseThrow();

        assertThat(assignment.assign(video, NOW)).contains(mob);
        assertThat(assignment.assign(VideoId.generate(), NOW)).isEmpty();
        assertThat(assignment.remove(video, "rejected", NOW)).contains(mob);
        assertThat(mobs.mobOf(video)).isEmpty();
    }
}
