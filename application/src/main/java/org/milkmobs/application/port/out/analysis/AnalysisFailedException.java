package org.milkmobs.application.port.out.analysis;

/**
 * An analyzer could not analyse the video. {@code permanent} failures (the model refused the input, the
 * account may not use it) fail the video; the others are retried.
 */
public class AnalysisFailedException extends RuntimeException {

    private final boolean permanent;

    public AnalysisFailedException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public AnalysisFailedException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }
}
