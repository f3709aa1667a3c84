package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;

/** What every {@link MobNames} does; run on the twin and on PostgreSQL. */
public abstract class MobNamesContract extends ContractSuite {

    protected abstract MobNames names();

    /** A mob that exists, with no name yet. */
    protected abstract MobId aMob();

    @Test
    void aMobHasNoNameUntilItIsNamedAndANewNameReplacesTheOld() {
        MobId mob = aMob();
        assertThat(inTransaction(() -> names().nameOf(mob))).isEmpty();

        assertThat(inTransaction(() -> names().rename(mob, new MobName("Skate park pours")))).isTrue();
        assertThat(inTransaction(() -> names().nameOf(mob))).contains(new MobName("Skate park pours"));
        assertThat(inTransaction(() -> names().rename(mob, new MobName("Kitchen spills")))).isTrue();
        assertThat(inTransaction(() -> names().nameOf(mob))).contains(new MobName("Kitchen spills"));
    }

    @Test
    void anUnknownMobCannotBeNamed() {
        MobId unknown = MobId.generate();

        assertThat(inTransaction(() -> names().rename(unknown, new MobName("Nobody")))).isFalse();
        assertThat(inTransaction(() -> names().nameOf(unknown))).isEmpty();
    }

    @Test
    void namingOneMobLeavesTheOthersAlone() {
        MobId named = aMob();
        MobId other = aMob();

        inTransaction(() -> names().rename(named, new MobName("Bakery")));

        assertThat(inTransaction(() -> names().nameOf(other))).isEmpty();
    }
}
