package org.milkmobs.application.port.out.gateway;

import java.net.URI;

/**
 * Images a gateway client names by URL, fetched on its behalf. A caller-chosen URL is a server-side request
 * forgery risk, so an implementation fetches only what cannot reach inside the network, within a size cap and a
 * timeout, and refuses everything else.
 */
@FunctionalInterface
public interface RemoteImages {

    /**
     * The image's bytes.
     *
     * @throws RemoteImageRefusedException naming why the URL is not fetched, or why its answer is not taken
     */
    byte[] fetch(URI url);

    /** For instances that fetch nothing. */
    RemoteImages NONE = url -> {
        throw new RemoteImageRefusedException("image URLs are not fetched by this instance; send the image inline as a"
                + " data:image/…;base64,… URL");
    };
}
