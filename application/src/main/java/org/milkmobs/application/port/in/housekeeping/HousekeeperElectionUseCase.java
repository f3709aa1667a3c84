package org.milkmobs.application.port.in.housekeeping;

/**
 * Elects the one instance that runs the cluster's periodic work (re-clustering, purges, reconciling, the
 * events relay): each instance asks in turn, the holder keeps its term by asking again before it ends, and a
 * dead holder's term runs out so another takes over.
 */
public interface HousekeeperElectionUseCase {

    /** Whether {@code instance} is the housekeeper for the coming term (it asks again within the term). */
    boolean serve(String instance);

    /** {@code instance} stops: it hands the work over at once. */
    void stepDown(String instance);
}
