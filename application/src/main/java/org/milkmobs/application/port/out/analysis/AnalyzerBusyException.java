package org.milkmobs.application.port.out.analysis;

import java.time.Duration;
import java.util.Objects;

/**
 * The analyzer is overloaded or throttling us (or our own circuit breaker holds calls back). Nothing is
 * wrong with the video: its step waits {@link #retryAfter} and tries again without spending an attempt,
 * so a throttling storm slows the pipeline down instead of failing videos.
 */
public class AnalyzerBusyException extends AnalysisFailedException {

    private final Duration retryAfter;

    public AnalyzerBusyException(String message, Duration retryAfter, Throwable cause) {
        super(message, false, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
