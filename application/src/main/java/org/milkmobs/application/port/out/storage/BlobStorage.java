package org.milkmobs.application.port.out.storage;

import org.milkmobs.application.port.UploadGrant;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * An object store for video files and thumbnails: S3 (or an S3-compatible store) or the local disk.
 * Clients move the big bytes themselves through time-limited grants, so they never pass through a
 * use case.
 */
public interface BlobStorage {

    /**
     * A grant to upload at most {@code maxBytes} to {@code key}, valid for {@code ttl}. {@code metadata}
     * is stored with the object where the store supports it (the grant then tells the client which
     * headers to send); values may hold any text, the store makes them safe.
     */
    UploadGrant grantUpload(BlobKey key, long maxBytes, Duration ttl, Map<String, String> metadata);

    /** A URL that downloads {@code key} (with HTTP Range support) until {@code ttl} has passed. */
    URI grantDownload(BlobKey key, String contentType, Duration ttl);

    /** The blob's size in bytes, or empty when it does not exist. */
    OptionalLong size(BlobKey key);

    /** Reads {@code length} bytes from {@code offset}; the caller closes the stream. */
    InputStream read(BlobKey key, long offset, long length);

    /**
     * Stores {@code content} under {@code key}, replacing any blob there. Readers never see a partial
     * blob, and a failed or refused write leaves nothing behind.
     *
     * @return the number of bytes stored
     * @throws BlobTooLargeException when {@code content} has more than {@code maxBytes}
     */
    long write(BlobKey key, InputStream content, long maxBytes, String contentType);

    /** Moves {@code from} to {@code to} (replacing it); afterwards {@code from} does not exist. */
    void move(BlobKey from, BlobKey to);

    /** The blob as a local file, downloaded if needed; close it when done. */
    LocalCopy localCopy(BlobKey key);

    /** Removes the blob; removing one that does not exist succeeds. */
    void delete(BlobKey key);

    /**
     * Removes what interrupted writes left behind (partial files of uploads cut off mid-stream, folders emptied by
     * deletions) last touched before {@code olderThan}; returns how many. A store without such leftovers does nothing.
     */
    default int sweepAbandoned(java.time.Instant olderThan) {
        return 0;
    }
}
