package org.milkmobs.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own, for the few services that must commit in steps (a batch job that
 * reports progress while it runs). Everything else gets its transaction from the use-case boundary.
 */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
