package org.milkmobs.application.service.video;

import java.io.InputStream;
import java.util.OptionalLong;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobGrants.Grant;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobMissingException;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Redeems the local store's grants: the grant decides which key, which direction, and how many bytes. An upload
 * grant is spent once its upload is completed (the workflow has started) or its video deleted: a later PUT would
 * leave a file that nothing reads or removes.
 */
public class TransferBlobService implements TransferBlobUseCase {

    private final BlobGrants grants;
    private final BlobStorage storage;
    private final LoadVideoPort videos;
    private final WorkflowProgressPort workflows;
    private final Transactions transactions;

    public TransferBlobService(BlobGrants grants, BlobStorage storage, LoadVideoPort videos, WorkflowProgressPort workflows,
                               Transactions transactions) {
        this.grants = grants;
        this.storage = storage;
        this.videos = videos;
        this.workflows = workflows;
        this.transactions = transactions;
    }

    @Override
    public long upload(String token, InputStream body, OptionalLong declaredLength) {
        Grant grant = grants.verify(token, BlobGrants.Action.UPLOAD);
        grant.key().stagedVideo().filter(video -> !awaitsUpload(video)).ifPresent(video -> {
            throw new BlobGrants.InvalidGrantException(BlobGrants.InvalidGrantException.Reason.SPENT,
                    "this upload URL is spent: its upload was completed or its video deleted");
        });
        if (declaredLength.isPresent() && declaredLength.getAsLong() > grant.maxBytes()) {
            throw new BlobTooLargeException(grant.maxBytes());
        }
        return storage.write(grant.key(), body, grant.maxBytes(), "application/octet-stream");
    }

    private boolean awaitsUpload(VideoId video) {
        return transactions.inTransaction(() -> videos.loadVideo(video).filter(v -> v.status() == VideoStatus.SUBMITTED).isPresent()
                && workflows.progress(video).isEmpty());
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
