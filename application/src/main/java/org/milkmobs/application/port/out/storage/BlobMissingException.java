package org.milkmobs.application.port.out.storage;

/** The blob does not exist (any more). */
public class BlobMissingException extends BlobStorageException {

    public BlobMissingException(String message) {
        super(message);
    }
}
