package org.milkmobs.adapters.persistence.testing;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * The test twin of bootstrap's transactional use-case proxy: every call on the returned object runs in
 * one resource-local transaction of {@code em}, and rolls back when it throws.
 */
public final class ResourceLocalTransactions {

    private ResourceLocalTransactions() {
    }

    public static <T> T wrap(Class<T> useCase, T target, EntityManager em) {
        return useCase.cast(Proxy.newProxyInstance(useCase.getClassLoader(), new Class<?>[] {useCase}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            return JpaTestSupport.inTransaction(em, ignored -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
        }));
    }
}
