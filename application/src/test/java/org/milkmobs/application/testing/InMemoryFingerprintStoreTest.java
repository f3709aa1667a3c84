package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.domain.video.VideoId;

class InMemoryFingerprintStoreTest extends FingerprintStoreContract {

    private final InMemoryFingerprintStore store = new InMemoryFingerprintStore();

    @Override
    protected FingerprintStore store() {
        return store;
    }

    @Override
    protected VideoId newVideo() {
        return VideoId.generate();
    }
}
