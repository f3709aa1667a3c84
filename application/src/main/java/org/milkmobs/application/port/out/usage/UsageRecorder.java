package org.milkmobs.application.port.out.usage;

import org.milkmobs.domain.usage.UsageRecord;

/**
 * Where every paid model invocation is written down, successful or not. A record is kept even when the
 * work that made the call is rolled back: the money was spent either way.
 */
@FunctionalInterface
public interface UsageRecorder {

    void record(UsageRecord usage);
}
