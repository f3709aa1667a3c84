package org.milkmobs.application.testing;

import java.time.Instant;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;

public class InMemoryHousekeeperTerms implements HousekeeperTerms {

    private String holder;
    private Instant until;

    @Override
    public synchronized boolean holdUntil(String instance, Instant now, Instant until) {
        if (holder == null || holder.equals(instance) || this.until.isBefore(now)) {
            holder = instance;
            this.until = until;
            return true;
        }
        return false;
    }

    @Override
    public synchronized void resign(String instance) {
        if (instance.equals(holder)) {
            holder = null;
            until = null;
        }
    }
}
