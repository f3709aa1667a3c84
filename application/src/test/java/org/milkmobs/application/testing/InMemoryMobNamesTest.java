package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.domain.mob.MobId;

class InMemoryMobNamesTest extends MobNamesContract {

    private final InMemoryMobNames names = new InMemoryMobNames();

    @Override
    protected MobNames names() {
        return names;
    }

    @Override
    protected MobId aMob() {
        return names.add();
    }
}
