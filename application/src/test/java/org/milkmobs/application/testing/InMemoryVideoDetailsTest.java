package org.milkmobs.application.testing;

import java.time.Instant;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

class InMemoryVideoDetailsTest extends VideoDetailsReadContract {

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryAnalysisStore analyses = new InMemoryAnalysisStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final InMemoryNearDuplicateStore nearDuplicates = new InMemoryNearDuplicateStore();
    private final InMemoryVideoDetails reader = new InMemoryVideoDetails(videos, analyses, mobs, nearDuplicates);

    @Override
    protected VideoDetailsReadPort reader() {
        return reader;
    }

    @Override
    protected SaveVideoPort videos() {
        return videos;
    }

    @Override
    protected AnalysisStore analyses() {
        return analyses;
    }

    @Override
    protected NearDuplicateStore nearDuplicates() {
        return nearDuplicates;
    }

    @Override
    protected MobId mobWith(VideoId member) {
        return mobs.createMobFor(new MobSpace("space"), member, new float[] {1, 0}, new MembershipRule(1.1, Integer.MAX_VALUE),
                Instant.parse("2026-12-04T06:00:00Z"));
    }
}
