package org.milkmobs.application.port.out.gateway;

/** An image URL that is not fetched (its scheme, its address, a redirect) or whose answer is not taken (status, size, time). */
public class RemoteImageRefusedException extends RuntimeException {

    public RemoteImageRefusedException(String message) {
        super(message);
    }
}
