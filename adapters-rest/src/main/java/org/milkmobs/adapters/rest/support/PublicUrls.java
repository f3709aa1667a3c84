package org.milkmobs.adapters.rest.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the URLs the storage hands out absolute: the local store's grants are relative to the API
 * ({@code blobs/…}). Behind a reverse proxy, {@code http.public-base-url} names the API as clients reach it.
 */
@RequestScoped
public class PublicUrls {

    @Context
    UriInfo uriInfo;

    @Inject
    @ConfigProperty(name = "http.public-base-url")
    Optional<String> publicBaseUrl;

    public URI absolute(URI uri) {
        if (uri.isAbsolute()) {
            return uri;
        }
        URI base = publicBaseUrl.filter(s -> !s.isBlank()).map(s -> URI.create(s.endsWith("/") ? s : s + "/"))
                .orElse(uriInfo.getBaseUri());
        return base.resolve(uri);
    }
}
