package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase.Download;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobGrants.Action;
import org.milkmobs.application.port.out.storage.BlobGrants.Grant;
import org.milkmobs.application.port.out.storage.BlobGrants.InvalidGrantException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobMissingException;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.Video;

/**
 * Transfers through the local store's grants. The grants are signed tokens in the adapter; here a token is just a name for a
 * grant the test issued, since what matters to the service is what the grant allows.
 */
class TransferBlobServiceTest {

    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final Map<String, Grant> issued = new HashMap<>();
    private final BlobGrants grants = (token, action) -> {
        Grant grant = issued.get(token);
        if (grant == null) {
            throw new InvalidGrantException(InvalidGrantException.Reason.BAD_SIGNATURE, "not a grant");
        }
        if (grant.action() != action) {
            throw new InvalidGrantException(InvalidGrantException.Reason.WRONG_ACTION, "a grant for " + grant.action());
        }
        return grant;
    };
    private final TransferBlobUseCase transfer = new TransferBlobService(grants, storage, videos, workflows, java.util.function.Supplier::get);

    private final Video video = videos.saveVideo(TestVideos.submitted("alice"));

    @Test
    void anUploadIsStoredUnderTheGrantsKey() {
        issued.put("up", new Grant(BlobKey.staging(video.id()), Action.UPLOAD, LATER, 10, null));

        long stored = transfer.upload("up", new ByteArrayInputStream(new byte[] {1, 2, 3}), OptionalLong.of(3));

        assertThat(stored).isEqualTo(3);
        assertThat(storage.size(BlobKey.staging(video.id()))).hasValue(3);
    }

    @Test
    void anUploadOverTheGrantsLimitIsRefusedWhetherDeclaredOrNot() {
        issued.put("up", new Grant(BlobKey.staging(video.id()), Action.UPLOAD, LATER, 2, null));

        assertThatThrownBy(() -> transfer.upload("up", new ByteArrayInputStream(new byte[1]), OptionalLong.of(3)))
                .isInstanceOf(BlobTooLargeException.class);
        assertThatThrownBy(() -> transfer.upload("up", new ByteArrayInputStream(new byte[3]), OptionalLong.empty()))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(storage.contains(BlobKey.staging(video.id()))).isFalse();
    }

    @Test
    void anUploadGrantIsSpentOnceTheWorkflowStartedOrTheVideoIsGone() {
        issued.put("up", new Grant(BlobKey.staging(video.id()), Action.UPLOAD, LATER, 10, null));
        workflows.start(video.id(), 3, TestVideos.later(1));

        assertThatThrownBy(() -> transfer.upload("up", new ByteArrayInputStream(new byte[1]), OptionalLong.empty()))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.reason()).isEqualTo(InvalidGrantException.Reason.SPENT));

        videos.deleteVideo(video.id());
        Video another = TestVideos.submitted("bob");
        issued.put("gone", new Grant(BlobKey.staging(another.id()), Action.UPLOAD, LATER, 10, null));
        assertThatThrownBy(() -> transfer.upload("gone", new ByteArrayInputStream(new byte[1]), OptionalLong.empty()))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.reason()).isEqualTo(InvalidGrantException.Reason.SPENT));
        assertThat(storage.contains(BlobKey.staging(video.id()))).isFalse();
    }

    @Test
    void aDownloadServesAnyRangeWithTheGrantsTypeAndAMissingFileIsReported() throws IOException {
        storage.put(BlobKey.source(video.id()), new byte[] {10, 20, 30, 40});
        issued.put("down", new Grant(BlobKey.source(video.id()), Action.DOWNLOAD, LATER, 0, "video/mp4"));
        issued.put("thumb", new Grant(BlobKey.thumbnail(video.id()), Action.DOWNLOAD, LATER, 0, null));

        Download download = transfer.download("down");

        assertThat(download.size()).isEqualTo(4);
        assertThat(download.contentType()).isEqualTo("video/mp4");
        assertThat(download.open(1, 2).readAllBytes()).containsExactly(20, 30);
        assertThatThrownBy(() -> transfer.download("thumb")).isInstanceOf(BlobMissingException.class);
    }

    @Test
    void aGrantForTheOtherDirectionOrNoGrantIsRefused() {
        issued.put("down", new Grant(BlobKey.source(video.id()), Action.DOWNLOAD, LATER, 0, null));

        assertThatThrownBy(() -> transfer.upload("down", new ByteArrayInputStream(new byte[1]), OptionalLong.empty()))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.reason()).isEqualTo(InvalidGrantException.Reason.WRONG_ACTION));
        assertThatThrownBy(() -> transfer.download("forged")).isInstanceOf(InvalidGrantException.class);
        assertThat(storage.contains(BlobKey.source(video.id()))).isFalse();
    }
}
