package org.milkmobs.application.port.out.storage;

/** A write carried more bytes than allowed; nothing was stored. */
public class BlobTooLargeException extends BlobStorageException {

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("the content is larger than the " + maxBytes + " bytes allowed");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
