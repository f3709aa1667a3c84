package org.milkmobs.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp followed by random bits. Ids made this way sort by
 * creation time, which keeps B-tree inserts local and makes "newest first" cursors cheap.
 *
 * <p>Within one process the ids are strictly increasing (RFC 9562 §6.2, method 3): ids made in the same
 * millisecond use the 12-bit {@code rand_a} field as a counter, so creation order and id order never disagree.
 */
public final class TimeOrderedUuid {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long COUNTER_MASK = 0x0FFFL;

    private static final TimeOrderedUuid PROCESS = new TimeOrderedUuid();

    private long lastMillis = Long.MIN_VALUE;
    private long lastCounter;

    TimeOrderedUuid() {
    }

    public static UUID next() {
        return PROCESS.at(System.currentTimeMillis());
    }

    synchronized UUID at(long epochMillis) {
        long millis = epochMillis;
        long counter;
        if (millis > lastMillis) {
            // start low in the counter space so that many ids fit into the same millisecond
            counter = RANDOM.nextLong() & 0x01FFL;
        } else {
            millis = lastMillis;
            counter = lastCounter + 1;
            if (counter > COUNTER_MASK) {
                millis++;
                counter = 0;
            }
        }
        lastMillis = millis;
        lastCounter = counter;
        long mostSignificant = (millis << 16) | 0x7000L | counter;
        long leastSignificant = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
