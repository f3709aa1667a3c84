package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.IdempotencyKeys;

class InMemoryIdempotencyKeysTest extends IdempotencyKeysContract {

    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();

    @Override
    protected IdempotencyKeys keys() {
        return keys;
    }
}
