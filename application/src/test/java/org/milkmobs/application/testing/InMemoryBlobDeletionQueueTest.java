package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.storage.BlobDeletionQueue;

class InMemoryBlobDeletionQueueTest extends BlobDeletionQueueContract {

    private final InMemoryBlobDeletionQueue queue = new InMemoryBlobDeletionQueue();

    @Override
    protected BlobDeletionQueue queue() {
        return queue;
    }
}
