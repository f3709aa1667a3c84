package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;

class InMemoryVideoStoreTest extends VideoStoreContract {

    private final InMemoryVideoStore store = new InMemoryVideoStore();

    @Override
    protected LoadVideoPort load() {
        return store;
    }

    @Override
    protected SaveVideoPort save() {
        return store;
    }
}
