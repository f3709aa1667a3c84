package org.milkmobs.application.port.in.mob;

import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.user.Caller;

/** An admin names a mob; the name is shown instead of the computed label and survives re-clustering. */
public interface RenameMobUseCase {

    /**
     * @throws org.milkmobs.application.port.in.ForbiddenException unless the caller is an admin
     * @throws MobsUseCase.MobNotFoundException when there is no such mob
     */
    void rename(MobId mob, MobName name, Caller caller);
}
