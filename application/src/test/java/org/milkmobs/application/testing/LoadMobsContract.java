package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/** What every {@link org.milkmobs.application.port.out.mob.LoadMobsPort} does; run on the twin and on PostgreSQL. */
public abstract class LoadMobsContract extends MobPortsFixture {

    @Test
    void membersComeNewestFirstAndPageAfterACursor() {
        VideoId first = newVideo();
        VideoId second = newVideo();
        VideoId third = newVideo();
        MobId mob = inTransaction(() -> membership().createMobFor(space, first, axis(4, 0), RULE, T0));
        inTransaction(() -> membership().join(mob, second, near(4, 0, 0.1f), 0.99, "joined", T0.plusSeconds(1)));
        inTransaction(() -> membership().join(mob, third, near(4, 0, 0.2f), 0.98, "joined", T0.plusSeconds(2)));

        assertThat(inTransaction(() -> loading().members(mob, Optional.empty(), 10))).containsExactly(third, second, first);
        assertThat(inTransaction(() -> loading().members(mob, Optional.of(third), 1))).containsExactly(second);
        assertThat(inTransaction(() -> loading().members(mob, Optional.of(first), 10))).isEmpty();
    }

    @Test
    void aSpaceListsItsMobsWithTheirSizeAndSamples() {
        VideoId a = newVideo();
        VideoId b = newVideo();
        VideoId c = newVideo();
        MobId red = inTransaction(() -> membership().createMobFor(space, a, axis(4, 0), RULE, T0));
        inTransaction(() -> membership().join(red, b, near(4, 0, 0.1f), 0.99, "joined", T0));
        MobId blue = inTransaction(() -> membership().createMobFor(space, c, axis(4, 2), RULE, T0));
        VideoId elsewhere = newVideo();
        inTransaction(() -> membership().createMobFor(new MobSpace(space.key() + "-other"), elsewhere, axis(4, 0), RULE, T0));

        List<MobSummary> listed = inTransaction(() -> loading().listMobs(space));

        assertThat(listed).extracting(MobSummary::id).containsExactlyInAnyOrder(red, blue);
        MobSummary redSummary = listed.stream().filter(m -> m.id().equals(red)).findFirst().orElseThrow();
        assertThat(redSummary.size()).isEqualTo(2);
        assertThat(redSummary.space()).isEqualTo(space.key());
        assertThat(redSummary.samples()).containsExactlyInAnyOrder(a, b);
        assertThat(inTransaction(() -> loading().findMob(blue))).map(MobSummary::samples).contains(List.of(c));
        assertThat(inTransaction(() -> loading().findMob(MobId.generate()))).isEmpty();
        assertThat(inTransaction(() -> loading().memberCount(space))).as("red's two and blue's one, not the other space's").isEqualTo(3);
        assertThat(inTransaction(() -> loading().memberCount(new MobSpace(space.key() + "-empty")))).isZero();
    }

    @Test
    void theMobsOfAPageOfVideosComeInOneReadLeavingOutVideosInNone() {
        VideoId member = newVideo();
        VideoId loner = newVideo();
        MobId mob = inTransaction(() -> membership().createMobFor(space, member, axis(4, 0), RULE, T0));

        assertThat(inTransaction(() -> loading().mobsOf(List.of(member, loner)))).containsOnlyKeys(member).containsEntry(member, mob);
        assertThat(inTransaction(() -> loading().mobsOf(List.of()))).isEmpty();
        assertThat(inTransaction(() -> loading().mobOf(member))).contains(mob);
        assertThat(inTransaction(() -> loading().mobOf(loner))).isEmpty();
    }
}
