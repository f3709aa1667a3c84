package org.milkmobs.adapters.persistence.video;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.analysis.AnalysisStorageForTests;
import org.milkmobs.adapters.persistence.duplicate.NearDuplicateStorageForTests;
import org.milkmobs.adapters.persistence.mob.MobStoreForTests;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.testing.VideoDetailsReadContract;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** The read model's contract on PostgreSQL: the video and its public facts in one statement. */
class PostgresVideoDetailsReadTest extends VideoDetailsReadContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("video_details");

    @Override
    protected VideoDetailsReadPort reader() {
        return new VideoDetailsSqlAdapter(database.em());
    }

    @Override
    protected SaveVideoPort videos() {
        return VideoStorageForTests.adapter(database.em());
    }

    @Override
    protected AnalysisStore analyses() {
        return AnalysisStorageForTests.adapter(database.em());
    }

    @Override
    protected NearDuplicateStore nearDuplicates() {
        return NearDuplicateStorageForTests.adapter(database.em());
    }

    @Override
    protected MobId mobWith(VideoId member) {
        return MobStoreForTests.mobWith(database.em(), new MobSpace("space"), List.of(member), new float[] {1, 0},
                Instant.parse("2026-12-04T06:00:00Z"));
    }

    @Override
    protected <T> T inTransaction(Supplier<T> work) {
        return database.inTransaction(work);
    }
}
