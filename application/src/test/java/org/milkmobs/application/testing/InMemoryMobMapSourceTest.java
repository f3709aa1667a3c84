package org.milkmobs.application.testing;

import java.util.Optional;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

class InMemoryMobMapSourceTest extends MobMapSourceContract {

    private final InMemoryMobMapSource source = new InMemoryMobMapSource();

    @Override
    protected MobMapSource source() {
        return source;
    }

    @Override
    protected Placed place(MobSpace space, Optional<MobId> mob, float[] vector) {
        Placed placed = new Placed(VideoId.generate(), mob.orElseGet(MobId::generate));
        source.add(space, placed.video(), placed.mob(), "label", vector);
        return placed;
    }
}
