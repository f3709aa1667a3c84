package org.milkmobs.application.port.out.media;

import org.milkmobs.domain.Require;

/** What an upload may be: at most {@code maxBytes}, and between the two durations. */
public record MediaLimits(long maxBytes, double minDurationSeconds, double maxDurationSeconds) {

    public MediaLimits {
        Require.atLeast("maxBytes", maxBytes, 1);
        Require.finiteAtLeast("minDurationSeconds", minDurationSeconds, 0);
        Require.finiteAtLeast("maxDurationSeconds", maxDurationSeconds, minDurationSeconds);
    }
}
