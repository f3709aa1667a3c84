package org.milkmobs.application.port.out.analysis;

/**
 * An analyzer could not analyse the video. {@code permanent} failures (the model refused the input, the
 * account may not use it) fail the video; the others are retried.
 */
public class AnalysisFailedException extends RuntimeException {

    private final boolean permanent;
    private final String providerCode;

    public AnalysisFailedException(String message, boolean permanent, Throwable cause) {
        this(message, permanent, null, cause);
    }

    /** @param providerCode the model provider's own name for the error (Bedrock's {@code ThrottlingException}), or null */
    public AnalysisFailedException(String message, boolean permanent, String providerCode, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.providerCode = providerCode;
    }

    public AnalysisFailedException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean permanent() {
        return permanent;
    }

    /** The provider's error name, when the provider answered with one: what the gateway maps to OpenAI's errors. */
    public java.util.Optional<String> providerCode() {
        return java.util.Optional.ofNullable(providerCode);
    }
}
