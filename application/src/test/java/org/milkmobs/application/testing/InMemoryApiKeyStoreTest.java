package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.apikey.ApiKeyStore;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {

    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();

    @Override
    protected ApiKeyStore store() {
        return store;
    }
}
