package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.storage.BlobStorage;

class InMemoryBlobStorageTest extends BlobStorageContract {

    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();

    @Override
    protected BlobStorage storage() {
        return storage;
    }
}
