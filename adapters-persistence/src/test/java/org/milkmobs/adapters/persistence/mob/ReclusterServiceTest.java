package org.milkmobs.adapters.persistence.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.embedding.EmbeddingStorageForTests;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.service.mob.MobAssignment;
import org.milkmobs.application.service.mob.MobSettings;
import org.milkmobs.application.service.mob.ReclusterService;
import org.milkmobs.application.service.mob.VideoVectors;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.ReclusterRun;
import org.milkmobs.domain.video.VideoId;

/** Incremental assignment and batch re-clustering together, on the real mob store. */
class ReclusterServiceTest extends PersistenceTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("local-perceptual-v1", 128);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private final Random random = new Random(11);
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return tx(work);
        }
    };
    private final VideoVectors vectors = new VideoVectors(EmbeddingStorageForTests.adapter(em), MODEL,
            new ModalityWeights(Map.of(Modality.VISUAL, 1.0)));
    private final MobSettings settings = new MobSettings(0.8, 16, Optional.empty(), 5, 0.7, Duration.ofHours(1));
    private final MobStoreAdapter mobs = new MobStoreAdapter(em);
    private final MobAssignment assignment = new MobAssignment(mobs, mobs, vectors, settings);
    private final CampaignProvider campaign = new CampaignProvider(null, null) {
        @Override
        public CampaignSettings current() {
            return new CampaignSettings(new Campaign("Milk Mob", "people pouring milk", Hashtags.of("milkmob"), List.of("milk")),
                    new ValidationPolicy(Map.of(Signal.HASHTAGS, 1.0), 0.5), 0.2, 0.8);
        }
    };
    private final ReclusterService recluster = new ReclusterService(mobs, mobs, new ReclusterRunsAdapter(em), vectors, settings, campaign,
            transactions, CLOCK);

    /** A validated video whose visual asset vector lies near {@code centre}, placed incrementally. */
    private VideoId videoNear(float[] centre, double noise) {
        VideoId id = tx(() -> VideoStorageForTests.adapter(em).saveVideo(TestVideos.submitted("owner")).id());
        float[] v = centre.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (random.nextGaussian() * noise);
        }
        txRun(() -> EmbeddingStorageForTests.adapter(em).replaceEmbeddings(id, MODEL,
                List.of(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 5), Vectors.normalised(v)))));
        txRun(() -> assignment.assign(id, CLOCK.instant()));
        return id;
    }

    private float[] randomCentre() {
        float[] c = new float[128];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(c);
    }

    @Test
    void mobIdsSurviveAReclusteringWhenTheDataBarelyChanges() {
        List<float[]> centres = List.of(randomCentre(), randomCentre(), randomCentre(), randomCentre());
        Map<VideoId, Integer> family = new HashMap<>();
        for (int f = 0; f < centres.size(); f++) {
            for (int i = 0; i < 12; i++) {
                family.put(videoNear(centres.get(f), 0.03), f);
            }
        }
        ReclusterRun first = run();
        Map<Integer, MobId> mobOfFamily = mobOfEachFamily(family);

        // a few more videos arrive and nothing else changes
        for (int f = 0; f < centres.size(); f++) {
            family.put(videoNear(centres.get(f), 0.03), f);
        }
        ReclusterRun second = run();

        assertThat(first.status()).isEqualTo("SUCCEEDED");
        assertThat(first.k()).as("K chosen by silhouette").isEqualTo(4);
        assertThat(second.k()).isEqualTo(4);
        assertThat(mobOfEachFamily(family)).as("every family keeps its mob id").isEqualTo(mobOfFamily);
        assertThat(second.moved()).as("nobody changed mob").isZero();
        assertThat(tx(() -> mobs.listMobs(vectors.space()))).extracting(MobSummary::size).containsOnly(13);
    }

    @Test
    void theBatchRunRepairsWhatTheGreedyIncrementalRuleGotWrong() {
        float[] a = randomCentre();
        float[] b = randomCentre();
        // with a low radius (settings say 0.8) noisy members may found extra mobs; k-means puts the families back together
        Map<VideoId, Integer> family = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            family.put(videoNear(a, 0.09), 0);
            family.put(videoNear(b, 0.09), 1);
        }
        long before = tx(() -> mobs.countMobs(vectors.space()));

        ReclusterRun run = run();

        assertThat(before).isGreaterThanOrEqualTo(2);
        assertThat(run.k()).isEqualTo(2);
        Map<Integer, MobId> mobOfFamily = mobOfEachFamily(family);
        assertThat(new HashSet<>(mobOfFamily.values())).hasSize(2);
    }

    @Test
    void aReclusteringRunReportsItsProgressAndOnlyOneRunsAtATime() {
        for (int i = 0; i < 6; i++) {
            videoNear(randomCentre(), 0.01);
        }
        ReclusterRun started = recluster.start("admin:root");
        assertThat(recluster.start("schedule").id()).isEqualTo(started.id());
        assertThat(recluster.startIfDue()).as("one is running").isEmpty();

        ReclusterRun done = recluster.executeNextQueued().orElseThrow();

        assertThat(done.id()).isEqualTo(started.id());
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.phase()).isEqualTo("done");
        assertThat(recluster.executeNextQueued()).isEmpty();
        assertThat(recluster.startIfDue()).as("not due for an hour").isEmpty();
    }

    private ReclusterRun run() {
        recluster.start("test");
        return recluster.executeNextQueued().orElseThrow();
    }

    /** Each family's members all sit in one mob; returns that mob per family. */
    private Map<Integer, MobId> mobOfEachFamily(Map<VideoId, Integer> family) {
        Map<Integer, Set<MobId>> seen = new HashMap<>();
        family.forEach((video, f) -> seen.computeIfAbsent(f, k -> new HashSet<>()).add(tx(() -> mobs.mobOf(video)).orElseThrow()));
        Map<Integer, MobId> result = new HashMap<>();
        seen.forEach((f, ids) -> {
            assertThat(ids).as("family %d in one mob", f).hasSize(1);
            result.put(f, ids.iterator().next());
        });
        return result;
    }

}
