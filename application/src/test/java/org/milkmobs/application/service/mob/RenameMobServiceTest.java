package org.milkmobs.application.service.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.mob.MobsUseCase.MobNotFoundException;
import org.milkmobs.application.testing.InMemoryMobNames;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

class RenameMobServiceTest {

    private final InMemoryMobNames names = new InMemoryMobNames();
    private final RenameMobService service = new RenameMobService(names);
    private final Caller admin = new Caller(new UserId("curator"), true);
    private final Caller fan = Caller.consumer(new UserId("fan"));

    @Test
    void anAdminNamesAMob() {
        MobId mob = names.add();

        service.rename(mob, new MobName("Skate park pours"), admin);

        assertThat(names.nameOf(mob)).contains(new MobName("Skate park pours"));
    }

    @Test
    void aConsumerMayNotNameAMob() {
        MobId mob = names.add();

        assertThatThrownBy(() -> service.rename(mob, new MobName("Mine now"), fan)).isInstanceOf(ForbiddenException.class);
        assertThat(names.nameOf(mob)).isEmpty();
    }

    @Test
    void anUnknownMobIsNotFound() {
        MobId unknown = MobId.generate();

        assertThatThrownBy(() -> service.rename(unknown, new MobName("Ghosts"), admin)).isInstanceOf(MobNotFoundException.class)
                .hasMessageContaining(unknown.toString());
    }
}
