package org.milkmobs.application.port.in.storage;

import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Uploads and downloads through grants this application serves itself (the local store's signed URLs).
 * The grant in the URL is the only credential.
 */
public interface TransferBlobUseCase {

    /**
     * Stores an upload under the grant's key.
     *
     * @param declaredLength the request's Content-Length, when it sent one
     * @throws org.milkmobs.application.port.out.storage.BlobGrants.InvalidGrantException for a forged, expired or wrong grant
     * @throws org.milkmobs.application.port.out.storage.BlobTooLargeException when the body exceeds the grant's limit
     * @return the bytes stored
     */
    long upload(String grant, InputStream body, OptionalLong declaredLength);

    /** Opens a download. */
    Download download(String grant);

    /** A blob to serve: its size and type, and a way to read any byte range of it. */
    interface Download {
        long size();

        String contentType();

        InputStream open(long offset, long length);
    }
}
