package org.milkmobs.application.service.search;

/**
 * How often a page of similar videos lately could not be settled from the first window alone (ADR 0033): an exponential
 * moving average of the last requests' outcomes, about the last {@value #MEMORY}. Where most widen (a catalogue whose
 * look-alike groups are larger than the first window), a request reads the whole window at once rather than the first
 * window and then the whole one. It only chooses which read comes first: the page is the whole window's either way.
 * Shared by the requests of one service; a lost update between two of them only delays the average by one outcome.
 */
final class WideningRate {

    static final int MEMORY = 16;

    private volatile double rate;

    /** Whether the next request had better read the whole window at once. */
    boolean likely() {
        return rate > 0.5;
    }

    void record(boolean widened) {
        double now = rate;
        rate = now + ((widened ? 1 : 0) - now) / MEMORY;
    }
}
