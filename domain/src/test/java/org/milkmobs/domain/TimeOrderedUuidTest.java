package org.milkmobs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidTest {

    @Test
    void idsMadeInATightLoopAreStrictlyIncreasingVersion7Uuids() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TimeOrderedUuid.next());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
        }
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void aClockThatStandsStillOrStepsBackStillYieldsIncreasingIdsAndCarriesIntoTheNextMillisecond() {
        TimeOrderedUuid generator = new TimeOrderedUuid();
        long now = System.currentTimeMillis();
        UUID previous = generator.at(now);
        for (int i = 0; i < 5_000; i++) {
            UUID next = generator.at(i % 2 == 0 ? now : now - 1000);
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
        // 5000 ids cannot fit into one millisecond's 12-bit counter: the timestamp moved on
        assertThat(previous.getMostSignificantBits() >>> 16).isGreaterThan(now);
    }
}
