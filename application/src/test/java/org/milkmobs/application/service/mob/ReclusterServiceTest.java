package org.milkmobs.application.service.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.mob.ReclusterUseCase;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.testing.InMemoryCampaignStore;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.InMemoryReclusterRuns;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.ReclusterRun;
import org.milkmobs.domain.mob.ReclusterSchedule;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.VideoId;

/** Batch re-clustering on the in-memory mobs and run records: one run at a time, ids that survive, labels, dead runs. */
class ReclusterServiceTest {

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final InMemoryReclusterRuns runs = new InMemoryReclusterRuns();
    private final VideoVectors vectors = new VideoVectors(new InMemoryEmbeddingStore(), new EmbeddingModel("test-model", 3),
            new ModalityWeights(Map.of(Modality.VISUAL, 1.0)));
    private final InMemoryCampaignStore campaigns = new InMemoryCampaignStore();
    private final ReclusterUseCase recluster = service(new MobSettings(0.9, 10, Optional.of(2), 3, 0.5, Duration.ofHours(6)));
    private final Random random = new Random(7);

    @Test
    void twoLookAlikeGroupsThatTheGreedyRuleLumpedTogetherAreSplitAndTheOldMobKeepsItsId() {
        List<VideoId> blue = group(new float[] {1, 0, 0}, "blue", 6);
        List<VideoId> red = group(new float[] {0, 1, 0}, "red", 6);
        MobId lumped = mobs.mobOf(blue.get(0)).orElseThrow();
        assertThat(mobs.mobOf(red.get(0))).contains(lumped);

        ReclusterRun started = recluster.start("admin");
        ReclusterRun done = recluster.executeNextQueued().orElseThrow();

        assertThat(done.id()).isEqualTo(started.id());
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.k()).isEqualTo(2);
        assertThat(done.videos()).isEqualTo(12);
        assertThat(done.moved()).isEqualTo(6);
        assertThat(mobOfAll(blue)).hasSize(1);
        assertThat(mobOfAll(red)).hasSize(1).doesNotContainAnyElementsOf(mobOfAll(blue));
        assertThat(mobs.listMobs(vectors.space())).extracting(MobSummary::id).contains(lumped);
        assertThat(label(blue.get(0))).contains("blue").doesNotContain("milkmob");
        assertThat(label(red.get(0))).contains("red");
        assertThat(recluster.executeNextQueued()).as("nothing queued any more").isEmpty();
        assertThat(recluster.latest()).contains(done);
    }

    @Test
    void aSecondStartReturnsTheRunningRunAndAScheduledRunStartsOnlyWhenDue() {
        group(new float[] {1, 0, 0}, "blue", 3);
        assertThat(recluster.startIfDue()).as("no run yet").isPresent();
        ReclusterRun running = recluster.latest().orElseThrow();

        assertThat(recluster.start("admin").id()).isEqualTo(running.id());
        assertThat(recluster.startIfDue()).as("one is running").isEmpty();
        recluster.executeNextQueued();
        assertThat(recluster.startIfDue()).as("ran just now").isEmpty();

        clock.advance(Duration.ofHours(6));
        assertThat(recluster.startIfDue()).hasValueSatisfying(next -> assertThat(next.id()).isNotEqualTo(running.id()));
    }

    @Test
    void mobsThatGrewByTheScheduledShareAreReclusteredBeforeTheClockSaysSo() {
        ReclusterUseCase growing = service(new MobSettings(0.9, 10, Optional.of(2), 3, 0.5,
                new ReclusterSchedule(Duration.ofHours(6), 0.5, 4), 0));
        group(new float[] {1, 0, 0}, "blue", 4);
        assertThat(growing.startIfDue()).as("no run yet").hasValueSatisfying(run -> assertThat(run.trigger()).isEqualTo("schedule"));
        assertThat(growing.executeNextQueued().orElseThrow().videos()).isEqualTo(4);

        group(new float[] {0, 1, 0}, "red", 1);
        assertThat(growing.startIfDue()).as("5 members: not yet half as many again as the 4 of the last run").isEmpty();

        group(new float[] {0, 1, 0}, "red", 1);
        ReclusterRun grown = growing.startIfDue().orElseThrow();
        assertThat(grown.trigger()).isEqualTo("growth");
        assertThat(growing.startIfDue()).as("one is running").isEmpty();
        assertThat(growing.executeNextQueued().orElseThrow().videos()).isEqualTo(6);
        assertThat(growing.startIfDue()).as("ran just now on these 6").isEmpty();
    }

    @Test
    void aBurstShortOfTheGrowthShareIsReclusteredOnceTheCountHasStoodStillForTheSettlePeriod() {
        ReclusterUseCase settling = service(new MobSettings(0.9, 10, Optional.of(2), 3, 0.5,
                new ReclusterSchedule(Duration.ofHours(6), 1.0, 4, Duration.ofMinutes(2)), 0));
        group(new float[] {1, 0, 0}, "blue", 4);
        settling.startIfDue();
        assertThat(settling.executeNextQueued().orElseThrow().videos()).isEqualTo(4);

        group(new float[] {0, 1, 0}, "red", 1);
        assertThat(settling.startIfDue()).as("5 members: short of the growth share, and just changed").isEmpty();
        clock.advance(Duration.ofSeconds(90));
        assertThat(settling.startIfDue()).as("still settling").isEmpty();
        group(new float[] {0, 1, 0}, "red", 1);
        assertThat(settling.startIfDue()).as("the burst went on: the count changed again").isEmpty();
        clock.advance(Duration.ofSeconds(90));
        assertThat(settling.startIfDue()).as("90 s since it changed").isEmpty();
        clock.advance(Duration.ofSeconds(30));

        ReclusterRun settled = settling.startIfDue().orElseThrow();

        assertThat(settled.trigger()).isEqualTo("settled");
        assertThat(settling.executeNextQueued().orElseThrow().videos()).isEqualTo(6);
        clock.advance(Duration.ofMinutes(10));
        assertThat(settling.startIfDue()).as("the clustering is of these 6: nothing to settle").isEmpty();
    }

    @Test
    void aRunWhoseInstanceStoppedReportingFailsAndNoLongerBlocksNewRuns() {
        ReclusterRun stuck = recluster.start("admin");
        runs.claimQueued(clock.instant());
        clock.advance(Duration.ofMinutes(16));

        assertThat(recluster.failStale()).isEqualTo(1);

        assertThat(recluster.run(stuck.id()).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(recluster.start("admin").id()).isNotEqualTo(stuck.id());
    }

    @Test
    void withFewerThanTwoMembersThereIsNothingToClusterAndLabelsAreRecomputedOnlyAfterAChange() {
        group(new float[] {1, 0, 0}, "blue", 1);
        recluster.start("admin");

        ReclusterRun done = recluster.executeNextQueued().orElseThrow();

        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.k()).isZero();
        assertThat(recluster.relabel()).isEqualTo(1);
        assertThat(recluster.relabel()).as("nothing changed since").isZero();
        clock.advance(Duration.ofMinutes(1));
        VideoId red = group(new float[] {0, 1, 0}, "red", 1).get(0);
        assertThat(recluster.relabel()).as("the mob the red video joined changed").isEqualTo(1);
        assertThat(label(red)).contains("red");
    }

    /** Videos near {@code centre}, placed greedily: each joins the space's first mob, however unlike. */
    @Test
    void withAKToleranceTwoTakesOfOneSceneStayOneMobThatTheBestSilhouetteWouldSplit() {
        List<VideoId> take = group(new float[] {1, 0, 0}, "pour", 6);
        List<VideoId> otherTake = group(new float[] {0.85f, 0.53f, 0}, "pour", 6);
        List<VideoId> elsewhere = group(new float[] {0, 0, 1}, "street", 6);

        ReclusterRun bestSilhouette = reclusterChoosingK(0);
        ReclusterRun tolerant = reclusterChoosingK(0.08);

        assertThat(bestSilhouette.k()).as("the best silhouette alone splits the scene").isEqualTo(3);
        assertThat(tolerant.k()).isEqualTo(2);
        List<VideoId> scene = new ArrayList<>(take);
        scene.addAll(otherTake);
        assertThat(mobOfAll(scene)).hasSize(1);
        assertThat(mobOfAll(elsewhere)).hasSize(1).doesNotContainAnyElementsOf(mobOfAll(scene));
    }

    /** A run on these mobs with K chosen by silhouette within {@code tolerance}. */
    private ReclusterRun reclusterChoosingK(double tolerance) {
        ReclusterUseCase choosing = service(new MobSettings(0.9, 10, Optional.empty(), 3, 0.5, ReclusterSchedule.every(Duration.ofHours(6)), tolerance));
        choosing.start("admin");
        return choosing.executeNextQueued().orElseThrow();
    }

    private ReclusterUseCase service(MobSettings settings) {
        return new ReclusterService(mobs, mobs, runs, vectors, settings,
                new CampaignProvider(campaigns, new CampaignSettings(new Campaign("Milk Mob", "pouring milk", Hashtags.of("milkmob"), List.of("milk")),
                        ValidationPolicy.DEFAULT, 0.2, 0.8)),
                java.util.function.Supplier::get, clock);
    }

    private List<VideoId> group(float[] centre, String term, int size) {
        List<VideoId> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            VideoId video = VideoId.generate();
            float[] v = new float[centre.length];
            for (int d = 0; d < v.length; d++) {
                v[d] = centre[d] + (float) (random.nextGaussian() * 0.05);
            }
            mobs.createMobFor(vectors.space(), video, unit(v), new MembershipRule(-0.99, 1000), clock.instant());
            mobs.describe(video, new MemberTerms(List.of("milkmob", term), List.of(), List.of()));
            ids.add(video);
        }
        return ids;
    }

    private Set<MobId> mobOfAll(List<VideoId> videos) {
        return videos.stream().map(v -> mobs.mobOf(v).orElseThrow()).collect(Collectors.toSet());
    }

    private String label(VideoId member) {
        return mobs.findMob(mobs.mobOf(member).orElseThrow()).orElseThrow().label();
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return u;
    }
}
