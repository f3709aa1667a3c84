package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.domain.video.VideoId;

class InMemoryNearDuplicateStoreTest extends NearDuplicateStoreContract {

    private final InMemoryNearDuplicateStore store = new InMemoryNearDuplicateStore();

    @Override
    protected NearDuplicateStore store() {
        return store;
    }

    @Override
    protected VideoId newVideo() {
        return VideoId.generate();
    }
}
