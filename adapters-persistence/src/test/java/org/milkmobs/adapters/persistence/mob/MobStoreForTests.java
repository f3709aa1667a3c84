package org.milkmobs.adapters.persistence.mob;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** Lets tests in other packages of this module use the (package-private) mob adapter. */
public final class MobStoreForTests {

    private MobStoreForTests() {
    }

    public static LoadMobsPort adapter(EntityManager em) {
        return new MobStoreAdapter(em);
    }

    /** A mob of {@code space} holding {@code members}, all placed with {@code vector}. */
    public static MobId mobWith(EntityManager em, MobSpace space, List<VideoId> members, float[] vector, Instant now) {
        return JpaTestSupport.inTransaction(em, ignored -> {
            MobStoreAdapter mobs = new MobStoreAdapter(em);
            MobId mob = mobs.createMobFor(space, members.get(0), vector, new MembershipRule(1.1, Integer.MAX_VALUE), now);
            members.stream().skip(1).forEach(v -> mobs.join(mob, v, vector, 1.0, "test", now));
            return mob;
        });
    }
}
