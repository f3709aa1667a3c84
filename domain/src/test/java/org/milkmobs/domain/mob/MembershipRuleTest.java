package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MembershipRuleTest {

    private static final MembershipRule RULE = new MembershipRule(0.8, 3);
    private static final MobId NEAREST = MobId.generate();

    @Test
    void aVideoAlikeEnoughJoinsTheNearestMob() {
        assertThat(RULE.place(Optional.of(new NearestMob(NEAREST, 0.8)), 1))
                .isEqualTo(new MembershipRule.Join(new NearestMob(NEAREST, 0.8)));
    }

    @Test
    void aVideoUnlikeEveryMobFoundsItsOwnWhileTheSpaceIsUnderTheCap() {
        assertThat(RULE.place(Optional.of(new NearestMob(NEAREST, 0.79)), 2)).isInstanceOf(MembershipRule.Found.class);
    }

    @Test
    void atTheCapAnUnlikeVideoJoinsTheNearestMobAnyway() {
        assertThat(RULE.place(Optional.of(new NearestMob(NEAREST, 0.1)), 3))
                .isEqualTo(new MembershipRule.Join(new NearestMob(NEAREST, 0.1)));
    }

    @Test
    void theFirstVideoOfASpaceFoundsAMob() {
        assertThat(RULE.place(Optional.empty(), 0)).isInstanceOf(MembershipRule.Found.class);
    }

    @Test
    void storageAsksTheSameQuestionAgainUnderItsLock() {
        assertThat(RULE.joins(0.8)).isTrue();
        assertThat(RULE.joins(0.7999)).isFalse();
    }

    @Test
    void aSimilarityAboveOneIsNeverReachedSoEveryVideoFoundsAMobUntilTheCap() {
        MembershipRule founding = new MembershipRule(1.1, 2);

        assertThat(founding.place(Optional.of(new NearestMob(NEAREST, 1.0)), 1)).isInstanceOf(MembershipRule.Found.class);
        assertThat(founding.place(Optional.of(new NearestMob(NEAREST, 1.0)), 2)).isInstanceOf(MembershipRule.Join.class);
    }

    @Test
    void aRuleNeedsAFiniteSimilarityAndRoomForOneMob() {
        assertThatThrownBy(() -> new MembershipRule(Double.POSITIVE_INFINITY, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MembershipRule(-1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MembershipRule(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MembershipRule(0.8, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
