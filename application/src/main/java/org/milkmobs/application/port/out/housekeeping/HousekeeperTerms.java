package org.milkmobs.application.port.out.housekeeping;

import java.time.Instant;

/**
 * Who does the periodic work of the cluster: one term at a time, held by one instance until it ends.
 * Shared by every instance (the database), so at most one holds a term that has not ended.
 */
public interface HousekeeperTerms {

    /**
     * Starts or extends {@code instance}'s term until {@code until}: it succeeds when nobody holds a term,
     * when {@code instance} holds it, or when the holder's term ended before {@code now}.
     *
     * @return whether {@code instance} holds the term now
     */
    boolean holdUntil(String instance, Instant now, Instant until);

    /** Ends {@code instance}'s term at once (it stops), so the next instance need not wait for its end. */
    void resign(String instance);
}
