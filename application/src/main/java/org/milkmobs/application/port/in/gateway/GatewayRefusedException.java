package org.milkmobs.application.port.in.gateway;

/**
 * The gateway cannot serve the request as asked, before any model is called: an unknown model, a capability
 * this instance is not configured for (named in the message), or an option the model cannot honour.
 */
public class GatewayRefusedException extends RuntimeException {

    /** Why, in terms an OpenAI client understands. */
    /**
     * {@code IMAGE_URL_REFUSED}: an image named by URL was not fetched, or its answer not taken; {@code NOT_FOUND}: the thing named (a
     * job) is not the caller's to see.
     */
    public enum Reason { MODEL_NOT_FOUND, NOT_CONFIGURED, UNSUPPORTED_OPTION, INVALID_INPUT, IMAGE_URL_REFUSED, NOT_FOUND }

    private final Reason reason;
    private final String parameter;

    public GatewayRefusedException(Reason reason, String parameter, String message) {
        super(message);
        this.reason = reason;
        this.parameter = parameter;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String parameter() {
        return parameter;
    }
}
