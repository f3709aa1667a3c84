package org.milkmobs.application.service.mob;

import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.mob.MobsUseCase.MobNotFoundException;
import org.milkmobs.application.port.in.mob.RenameMobUseCase;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.user.Caller;

/** Mob names are shown to everyone, so only admins set them. */
public class RenameMobService implements RenameMobUseCase {

    private final MobNames names;

    public RenameMobService(MobNames names) {
        this.names = names;
    }

    @Override
    public void rename(MobId mob, MobName name, Caller caller) {
        ForbiddenException.unlessAdmin(caller, "only admins rename mobs");
        if (!names.rename(mob, name)) {
            throw new MobNotFoundException(mob);
        }
    }
}
