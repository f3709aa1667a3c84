package org.milkmobs.adapters.persistence.video;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.pipeline.WorkflowStorageForTests;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.testing.VideoListingContract;

/** The video listing contract on PostgreSQL: keyset pages over (created_at, id), the sweeper's query over workflows. */
class PostgresVideoListingTest extends VideoListingContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("video_listing");

    @Override
    protected SaveVideoPort videos() {
        return new VideoPersistenceAdapter(database.em());
    }

    @Override
    protected ListVideosPort listing() {
        return new VideoListingAdapter(database.em());
    }

    @Override
    protected WorkflowPort workflows() {
        return WorkflowStorageForTests.workflows(database.em());
    }
}
