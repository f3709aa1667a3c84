package org.milkmobs.adapters.persistence.housekeeping;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.application.testing.IdempotencyKeysContract;

/** The idempotency keys contract on PostgreSQL, where ON CONFLICT DO NOTHING picks the first claim. */
class PostgresIdempotencyKeysTest extends IdempotencyKeysContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("idempotency_keys");

    @Override
    protected IdempotencyKeys keys() {
        return new IdempotencyKeysAdapter(database.em());
    }
}
