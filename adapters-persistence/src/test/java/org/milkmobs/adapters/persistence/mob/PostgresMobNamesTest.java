package org.milkmobs.adapters.persistence.mob;

import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.application.testing.MobNamesContract;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** The mob names contract on PostgreSQL. */
class PostgresMobNamesTest extends MobNamesContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("mob_names");

    @Override
    protected MobNames names() {
        return new MobNamesAdapter(database.em());
    }

    @Override
    protected MobId aMob() {
        return inTransaction(() -> {
            VideoId video = VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("owner")).id();
            // a space of its own, so each call founds a mob rather than joining the last one
            return new MobStoreAdapter(database.em()).createMobFor(new MobSpace("names-" + video), video, new float[] {1, 0, 0, 0},
                    new MembershipRule(0.99, 100),
                    Instant.parse("2026-12-04T10:00:00Z"));
        });
    }
}
