package org.milkmobs.application.service.gateway;

import java.util.function.Supplier;
import org.milkmobs.application.port.out.Transactions;

/** Work runs as it is: the in-memory twins need no transactions. */
final class ApiKeyServiceTransactions implements Transactions {

    static final Transactions DIRECT = new ApiKeyServiceTransactions();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
