package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.video.VideoId;

class InMemoryValidationStoreTest extends ValidationStoreContract {

    private final InMemoryValidationStore store = new InMemoryValidationStore();

    @Override
    protected ValidationStore store() {
        return store;
    }

    @Override
    protected VideoId aVideo() {
        return VideoId.generate();
    }
}
