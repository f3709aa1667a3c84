package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.NearestMob;
import org.milkmobs.domain.video.VideoId;

/** What every {@link org.milkmobs.application.port.out.mob.MobMembershipPort} does; run on the twin and on PostgreSQL. */
public abstract class MobMembershipContract extends MobPortsFixture {

    @Test
    void aVideoFoundsAMobALookAlikeJoinsItAndTheLastToLeaveDissolvesIt() {
        VideoId founder = newVideo();
        VideoId lookAlike = newVideo();
        MobId mob = inTransaction(() -> membership().createMobFor(space, founder, axis(8, 0), RULE, T0));

        assertThat(inTransaction(() -> membership().createMobFor(space, lookAlike, near(8, 0, 0.1f), RULE, T0)))
                .as("a founding that finds a mob it joins joins it").isEqualTo(mob);
        assertThat(inTransaction(() -> membership().countMobs(space))).isEqualTo(1);
        assertThat(inTransaction(() -> membership().nearestMob(space, axis(8, 0)))).map(NearestMob::mob).contains(mob);
        assertThat(inTransaction(() -> membership().nearestMob(space, axis(8, 0))).orElseThrow().similarity()).isGreaterThan(0.99);

        assertThat(inTransaction(() -> membership().leave(lookAlike, "deleted", T0))).contains(mob);
        assertThat(inTransaction(() -> loading().findMob(mob))).map(MobSummary::size).contains(1);
        assertThat(inTransaction(() -> membership().leave(founder, "deleted", T0))).contains(mob);
        assertThat(inTransaction(() -> loading().findMob(mob))).as("an empty mob is dissolved").isEmpty();
        assertThat(inTransaction(() -> membership().countMobs(space))).isZero();
        assertThat(inTransaction(() -> membership().leave(founder, "deleted", T0))).isEmpty();
    }

    @Test
    void anUnlikeVideoFoundsAMobOfItsOwnAndSpacesNeverMix() {
        MobSpace other = new MobSpace(space.key() + "-other");
        VideoId first = newVideo();
        VideoId unlike = newVideo();
        VideoId elsewhere = newVideo();
        MobId red = inTransaction(() -> membership().createMobFor(space, first, axis(4, 0), RULE, T0));

        MobId blue = inTransaction(() -> membership().createMobFor(space, unlike, axis(4, 1), RULE, T0));
        MobId otherRed = inTransaction(() -> membership().createMobFor(other, elsewhere, axis(4, 0), RULE, T0));

        assertThat(blue).isNotEqualTo(red);
        assertThat(otherRed).as("a look-alike in another space").isNotEqualTo(red);
        assertThat(inTransaction(() -> membership().countMobs(space))).isEqualTo(2);
        assertThat(inTransaction(() -> membership().countMobs(other))).isEqualTo(1);
        assertThat(inTransaction(() -> membership().nearestMob(new MobSpace(space.key() + "-empty"), axis(4, 0)))).isEmpty();
    }

    @Test
    void aRuleThatNeverJoinsFoundsAMobForEveryVideo() {
        MembershipRule founding = new MembershipRule(1.1, 100);
        VideoId a = newVideo();
        VideoId b = newVideo();

        MobId first = inTransaction(() -> membership().createMobFor(space, a, axis(4, 0), founding, T0));
        MobId second = inTransaction(() -> membership().createMobFor(space, b, axis(4, 0), founding, T0));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aMemberJoinsNoSecondMobAndJoiningAgainChangesNothing() {
        VideoId video = newVideo();
        VideoId other = newVideo();
        MobId mob = inTransaction(() -> membership().createMobFor(space, video, axis(4, 0), RULE, T0));
        MobId another = inTransaction(() -> membership().createMobFor(space, other, axis(4, 2), RULE, T0));

        inTransaction(() -> membership().join(mob, video, axis(4, 0), 1, "joined", T0));
        inTransaction(() -> membership().join(another, video, axis(4, 0), 1, "joined", T0));

        assertThat(inTransaction(() -> loading().mobOf(video))).contains(mob);
        assertThat(inTransaction(() -> loading().findMob(mob))).map(MobSummary::size).contains(1);
        assertThat(inTransaction(() -> loading().findMob(another))).map(MobSummary::size).contains(1);
    }
}
