package org.milkmobs.application.testing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;

/** The in-memory twin of {@link MobNames}: the mobs that exist, and their names. */
public final class InMemoryMobNames implements MobNames {

    private final Set<MobId> mobs = ConcurrentHashMap.newKeySet();
    private final Map<MobId, MobName> names = new ConcurrentHashMap<>();

    /** A mob comes into being (as clustering would create it). */
    public MobId add() {
        return add(MobId.generate());
    }

    /** A mob another twin knows by this id comes into being here too. */
    public MobId add(MobId mob) {
        mobs.add(mob);
        return mob;
    }

    @Override
    public boolean rename(MobId mob, MobName name) {
        if (!mobs.contains(mob)) {
            return false;
        }
        names.put(mob, name);
        return true;
    }

    @Override
    public Optional<MobName> nameOf(MobId mob) {
        return Optional.ofNullable(names.get(mob));
    }
}
