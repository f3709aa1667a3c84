package org.milkmobs.application.port.out.storage;

/** The blob store failed (I/O, network, refused request). Callers may retry later. */
public class BlobStorageException extends RuntimeException {

    public BlobStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public BlobStorageException(String message) {
        super(message);
    }
}
