package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.application.port.UploadGrant;
import org.milkmobs.domain.video.VideoId;

/** What every blob store must do, whatever it stores on. */
public abstract class BlobStorageContract {

    protected abstract BlobStorage storage();

    private final Random random = new Random(42);

    @Test
    void aWrittenBlobReadsBackWholeAndInRanges() throws IOException {
        BlobKey key = BlobKey.thumbnail(VideoId.generate());
        byte[] content = bytes(300_000);

        long written = storage().write(key, new ByteArrayInputStream(content), 1_000_000, "image/jpeg");

        assertThat(written).isEqualTo(content.length);
        assertThat(storage().size(key)).hasValue(content.length);
        try (InputStream all = storage().read(key, 0, content.length)) {
            assertThat(all.readAllBytes()).isEqualTo(content);
        }
        try (InputStream middle = storage().read(key, 1000, 10)) {
            assertThat(middle.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 1010));
        }
    }

    @Test
    void aMissingBlobHasNoSize() {
        assertThat(storage().size(BlobKey.source(VideoId.generate()))).isEmpty();
    }

    @Test
    void writingReplacesAndDeletingIsIdempotent() {
        BlobKey key = BlobKey.thumbnail(VideoId.generate());
        storage().write(key, text("first version"), 100, "text/plain");
        storage().write(key, text("second"), 100, "text/plain");
        assertThat(storage().size(key)).hasValue(6);

        storage().delete(key);
        storage().delete(key);

        assertThat(storage().size(key)).isEmpty();
    }

    @Test
    void aWriteOverTheLimitIsRefusedAndStoresNothing() {
        BlobKey key = BlobKey.staging(VideoId.generate());

        assertThatThrownBy(() -> storage().write(key, new ByteArrayInputStream(bytes(2_001)), 2_000, "video/mp4"))
                .isInstanceOf(BlobTooLargeException.class);

        assertThat(storage().size(key)).isEmpty();
    }

    @Test
    void aMoveLeavesOnlyTheTarget() throws IOException {
        VideoId video = VideoId.generate();
        byte[] content = bytes(10_000);
        storage().write(BlobKey.staging(video), new ByteArrayInputStream(content), 20_000, "video/mp4");

        storage().move(BlobKey.staging(video), BlobKey.source(video));

        assertThat(storage().size(BlobKey.staging(video))).isEmpty();
        try (InputStream in = storage().read(BlobKey.source(video), 0, content.length)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void movingAMissingBlobFails() {
        VideoId video = VideoId.generate();
        assertThatThrownBy(() -> storage().move(BlobKey.staging(video), BlobKey.source(video)))
                .isInstanceOf(BlobStorageException.class);
    }

    @Test
    void aLocalCopyHasTheBytesAndClosingItKeepsTheBlob() throws IOException {
        BlobKey key = BlobKey.source(VideoId.generate());
        byte[] content = bytes(50_000);
        storage().write(key, new ByteArrayInputStream(content), 100_000, "video/mp4");

        Path path;
        try (LocalCopy copy = storage().localCopy(key)) {
            path = copy.path();
            assertThat(Files.readAllBytes(path)).isEqualTo(content);
        }

        assertThat(storage().size(key)).hasValue(content.length);
    }

    @Test
    void uploadGrantsExpireAndCarryTheirLimit() {
        UploadGrant grant = storage().grantUpload(BlobKey.staging(VideoId.generate()), 5_000, Duration.ofMinutes(15), java.util.Map.of("title", "Milk 🥛 café"));

        assertThat(grant.method()).isEqualTo("PUT");
        assertThat(grant.maxBytes()).isEqualTo(5_000);
        assertThat(grant.expiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(14)));
        assertThat(grant.url().toString()).isNotBlank();
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
