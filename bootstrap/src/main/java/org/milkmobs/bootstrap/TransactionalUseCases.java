package org.milkmobs.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.milkmobs.application.port.out.Transactions;

/**
 * Puts the transaction boundary on the use case: {@link #wrap} returns the service behind a proxy that
 * runs every call in one JTA transaction (joining one that is already open). The services stay plain
 * Java; a RuntimeException rolls the whole use case back.
 */
@ApplicationScoped
public class TransactionalUseCases {

    @Inject
    Boundary boundary;

    public <T> T wrap(Class<T> useCase, T service) {
        Object proxy = Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[] {useCase}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(service, args);
            }
            return boundary.call(() -> method.invoke(service, args));
        });
        return useCase.cast(proxy);
    }

    /**
     * For a use case that only reads: its calls join the caller's transaction if there is one, and otherwise run in
     * none (ADR 0029), so each statement commits on its own (autocommit) and no Hibernate session is flushed. That
     * gives the same answers as a transaction would: PostgreSQL runs READ COMMITTED (the pool sets no other level),
     * where every statement of a transaction takes its own snapshot anyway, and a read takes no locks. A service
     * wrapped so must never write: a write would commit alone, statement by statement.
     */
    public <T> T wrapRead(Class<T> useCase, T service) {
        Object proxy = Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[] {useCase}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(service, args);
            }
            return boundary.read(() -> method.invoke(service, args));
        });
        return useCase.cast(proxy);
    }

    /** The CDI bean whose interceptor opens the transaction. */
    @ApplicationScoped
    public static class Boundary {

        @Transactional(Transactional.TxType.REQUIRED)
        public Object call(Callable<Object> work) throws Throwable {
            return unwrap(work);
        }

        @Transactional(Transactional.TxType.SUPPORTS)
        public Object read(Callable<Object> work) throws Throwable {
            return unwrap(work);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public Object callInNew(Callable<Object> work) throws Throwable {
            return unwrap(work);
        }

        private static Object unwrap(Callable<Object> work) throws Throwable {
            try {
                return work.call();
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** The {@link Transactions} port: each call in a transaction of its own. */
    @ApplicationScoped
    public static class OwnTransactions implements Transactions {

        @Inject
        Boundary boundary;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T inTransaction(Supplier<T> work) {
            try {
                return (T) boundary.callInNew(work::get);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
