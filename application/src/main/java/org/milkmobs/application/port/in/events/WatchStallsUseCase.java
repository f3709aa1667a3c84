package org.milkmobs.application.port.in.events;

/** Announces steps whose oldest waiting job is too old ({@code pipeline.stalled}), once until they recover. */
public interface WatchStallsUseCase {

    /** @return how many steps became stalled in this check */
    int check();
}
