package org.milkmobs.application.service.video;

import java.io.InputStream;
import java.util.OptionalLong;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobGrants.Grant;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobMissingException;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;

/** Redeems the local store's grants: the grant decides which key, which direction, and how many bytes. */
public class TransferBlobService implements TransferBlobUseCase {

    private final BlobGrants grants;
    private final BlobStorage storage;

    public TransferBlobService(BlobGrants grants, BlobStorage storage) {
        this.grants = grants;
        this.storage = storage;
    }

    @Override
    public long upload(String token, InputStream body, OptionalLong declaredLength) {
        Grant grant = grants.verify(token, BlobGrants.Action.UPLOAD);
        if (declaredLength.isPresent() && declaredLength.getAsLong() > grant.maxBytes()) {
            throw new BlobTooLargeException(grant.maxBytes());
        }
        return storage.write(grant.key(), body, grant.maxBytes(), "application/octet-stream");
    }

    @Override
    public Download download(String token) {
        Grant grant = grants.verify(token, BlobGrants.Action.DOWNLOAD);
        long size = storage.size(grant.key()).orElseThrow(() -> new BlobMissingException("the file behind this URL no longer exists"));
        String contentType = grant.contentType() == null ? "application/octet-stream" : grant.contentType();
        return new Download() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public InputStream open(long offset, long length) {
                return storage.read(grant.key(), offset, length);
            }
        };
    }
}
