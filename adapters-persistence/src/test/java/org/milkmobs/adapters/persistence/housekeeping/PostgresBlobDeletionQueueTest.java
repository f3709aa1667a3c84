package org.milkmobs.adapters.persistence.housekeeping;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.testing.BlobDeletionQueueContract;

/** The blob deletion queue contract on PostgreSQL, whose due rows are locked with SKIP LOCKED. */
class PostgresBlobDeletionQueueTest extends BlobDeletionQueueContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("blob_deletion_queue");

    @Override
    protected BlobDeletionQueue queue() {
        return new BlobDeletionQueueAdapter(database.em());
    }
}
