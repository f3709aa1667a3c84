package org.milkmobs.adapters.persistence.apikey;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.application.testing.ApiKeyStoreContract;

/** The API key store contract, on a real PostgreSQL. */
class SqlApiKeyStoreTest extends ApiKeyStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("api_key_store");

    private static ApiKeyStoreAdapter adapter;

    @BeforeAll
    static void open() {
        adapter = new ApiKeyStoreAdapter(database.em());
    }

    @Override
    protected ApiKeyStore store() {
        return adapter;
    }
}
