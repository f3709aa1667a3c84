package org.milkmobs.adapters.persistence.mob;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.application.testing.MobMapSourceContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

class MobMapSqlAdapterTest extends MobMapSourceContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("mobmap");

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");


    @Override
    protected MobMapSource source() {
        return new MobMapSqlAdapter(database.em());
    }

    @Override
    protected Placed place(MobSpace space, Optional<MobId> mob, float[] vector) {
        return JpaTestSupport.inTransaction(database.em(), ignored -> {
            VideoId video = VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id();
            MobStoreAdapter mobs = new MobStoreAdapter(database.em());
            if (mob.isPresent()) {
                mobs.join(mob.get(), video, vector, 0.9, "test", NOW);
                return new Placed(video, mob.get());
            }
            // a join similarity above 1 never matches an existing mob, so every call founds one
            return new Placed(video, mobs.createMobFor(space, video, vector, new MembershipRule(1.1, Integer.MAX_VALUE), NOW));
        });
    }
}
