package org.milkmobs.application.port.out.mob;

import java.util.Optional;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;

/** The names admins give mobs. A name stays with the mob's id, so it survives a re-clustering that keeps the id. */
public interface MobNames {

    /** Names the mob (replacing any name it had); false when there is no such mob. */
    boolean rename(MobId mob, MobName name);

    Optional<MobName> nameOf(MobId mob);
}
