package org.milkmobs.bootstrap.workers;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's own managed executors: pipeline work (bounded, and not flagged as hung while a model
 * call takes minutes) and the schedulers of workers and housekeeping.
 */
@ManagedExecutorDefinition(name = ConcurrencyResources.PIPELINE_EXECUTOR, maxAsync = 32, hungTaskThreshold = 3_600_000)
@ManagedScheduledExecutorDefinition(name = ConcurrencyResources.SCHEDULER, maxAsync = 4, hungTaskThreshold = 3_600_000)
@ApplicationScoped
public class ConcurrencyResources {

    public static final String PIPELINE_EXECUTOR = "java:app/concurrent/pipeline";
    public static final String SCHEDULER = "java:app/concurrent/scheduler";
}
