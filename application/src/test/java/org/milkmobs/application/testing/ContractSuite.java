package org.milkmobs.application.testing;

import java.util.function.Supplier;

/**
 * What contract suites share: the transactions their steps run in. On a twin a step just runs; a run on a real
 * store hands the suite its own {@link Transactions} (adapters-persistence's {@code ContractDatabase} does so by
 * itself when registered), so the run only says which adapters it tests.
 */
public abstract class ContractSuite {

    /** Runs a step of a contract in a transaction of the store under test. */
    public interface Transactions {
        <T> T inTransaction(Supplier<T> work);
    }

    private Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs this suite's steps in {@code transactions} from now on. */
    public final void runStepsIn(Transactions transactions) {
        this.transactions = transactions;
    }

    protected <T> T inTransaction(Supplier<T> work) {
        return transactions.inTransaction(work);
    }
}
