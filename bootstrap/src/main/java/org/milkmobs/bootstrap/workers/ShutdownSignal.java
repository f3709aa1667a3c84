package org.milkmobs.bootstrap.workers;

import jakarta.enterprise.concurrent.ManagedThreadFactory;

/**
 * An action for SIGTERM. Payara Micro's own shutdown hook stops the runtime in parallel with the JVM's other
 * hooks and does not undeploy, so {@code @PreDestroy} never runs on a signal; this hook does, on a managed
 * thread so it still has the application's context (its database pool, its transactions).
 */
final class ShutdownSignal {

    private final Thread hook;

    private ShutdownSignal(Thread hook) {
        this.hook = hook;
    }

    static ShutdownSignal onSignal(ManagedThreadFactory threads, Runnable action) {
        Thread hook = threads.newThread(action);
        Runtime.getRuntime().addShutdownHook(hook);
        return new ShutdownSignal(hook);
    }

    /** On undeploy: an application that is gone must not leave its hook (and its beans) behind in the JVM. */
    void forget() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownUnderWay) {
            // the hook is running or about to: it does the same as the undeploy
        }
    }
}
