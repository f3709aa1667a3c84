package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.mob.MobClusteringPort.NewMob;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/** What every {@link org.milkmobs.application.port.out.mob.MobClusteringPort} does; run on the twin and on PostgreSQL. */
public abstract class MobClusteringContract extends MobPortsFixture {

    @Test
    void aNewClusteringReplacesTheSpacesMobsCountsTheMovesAndKeepsSurvivingLabels() {
        VideoId a = newVideo();
        VideoId b = newVideo();
        VideoId c = newVideo();
        MobId red = inTransaction(() -> membership().createMobFor(space, a, axis(4, 0), RULE, T0));
        inTransaction(() -> membership().join(red, b, near(4, 0, 0.1f), 0.99, "joined", T0));
        inTransaction(() -> membership().join(red, c, axis(4, 2), 0.1, "joined", T0));
        inTransaction(() -> clustering().relabel(Map.of(red, "red")));
        Map<VideoId, float[]> read = inTransaction(() -> clustering().memberVectors(space));
        MobId blue = MobId.generate();

        int moved = inTransaction(() -> clustering().replaceClustering(space, List.of(
                new NewMob(red, List.of(a, b), Map.of(a, read.get(a), b, read.get(b))),
                new NewMob(blue, List.of(c), Map.of(c, read.get(c)))), T0.plusSeconds(10)));

        assertThat(read).containsOnlyKeys(a, b, c);
        assertThat(moved).isEqualTo(1);
        assertThat(inTransaction(() -> loading().mobOf(c))).contains(blue);
        assertThat(inTransaction(() -> loading().findMob(red))).map(MobSummary::label).contains("red");
        assertThat(inTransaction(() -> loading().findMob(red))).map(MobSummary::size).contains(2);
        assertThat(inTransaction(() -> loading().findMob(blue))).map(MobSummary::size).contains(1);
    }

    @Test
    void aVideoThatJoinedAfterTheVectorsWereReadGoesToTheNearestNewMob() {
        VideoId a = newVideo();
        VideoId b = newVideo();
        VideoId latecomer = newVideo();
        MobId red = inTransaction(() -> membership().createMobFor(space, a, axis(4, 0), RULE, T0));
        MobId blue = inTransaction(() -> membership().createMobFor(space, b, axis(4, 2), RULE, T0));
        Map<VideoId, float[]> read = inTransaction(() -> clustering().memberVectors(space));
        inTransaction(() -> membership().join(blue, latecomer, near(4, 0, 0.1f), 0.1, "joined", T0));

        inTransaction(() -> clustering().replaceClustering(space, List.of(
                new NewMob(red, List.of(a), Map.of(a, read.get(a))),
                new NewMob(blue, List.of(b), Map.of(b, read.get(b)))), T0.plusSeconds(10)));

        assertThat(inTransaction(() -> loading().mobOf(latecomer))).as("nobody drops out").contains(red);
    }

    @Test
    void labellingIsNoChangeOfTheMobAndTermsComeOnePerMember() {
        VideoId a = newVideo();
        VideoId b = newVideo();
        MobId mob = inTransaction(() -> membership().createMobFor(space, a, axis(4, 0), RULE, T0));
        inTransaction(() -> membership().join(mob, b, near(4, 0, 0.1f), 0.99, "joined", T0.plusSeconds(5)));

        assertThat(inTransaction(() -> clustering().changedSince(space, T0.plusSeconds(4)))).isTrue();
        assertThat(inTransaction(() -> clustering().changedSince(space, T0.plusSeconds(5)))).isFalse();
        inTransaction(() -> clustering().relabel(Map.of(mob, "milk · pour")));
        assertThat(inTransaction(() -> clustering().changedSince(space, T0.plusSeconds(5)))).as("labelling is no change").isFalse();
        assertThat(inTransaction(() -> loading().findMob(mob))).map(MobSummary::label).contains("milk · pour");
        assertThat(inTransaction(() -> clustering().memberTerms(space))).containsOnlyKeys(mob);
        assertThat(inTransaction(() -> clustering().memberTerms(space)).get(mob)).hasSize(2);
    }
}
