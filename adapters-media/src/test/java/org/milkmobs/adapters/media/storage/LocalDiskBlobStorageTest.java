package org.milkmobs.adapters.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.application.port.out.storage.BlobGrants.Action;
import org.milkmobs.application.port.out.storage.BlobGrants.Grant;
import org.milkmobs.application.port.out.storage.BlobGrants.InvalidGrantException;
import org.milkmobs.application.port.out.storage.BlobGrants.InvalidGrantException.Reason;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;
import org.milkmobs.application.port.UploadGrant;
import org.milkmobs.application.testing.BlobStorageContract;
import org.milkmobs.domain.video.VideoId;

class LocalDiskBlobStorageTest extends BlobStorageContract {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @TempDir
    Path root;

    /** Real time plus an offset a test can move forward. */
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private LocalDiskBlobStorage store;

    @Override
    protected BlobStorage storage() {
        if (store == null) {
            store = new LocalDiskBlobStorage(root, KEY, new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(offset.get());
                }
            });
        }
        return store;
    }

    private LocalDiskBlobStorage store() {
        return (LocalDiskBlobStorage) storage();
    }

    /** Defect 5: partial files of interrupted uploads and folders emptied by deletions were never removed. */
    @Test
    void theSweeperRemovesAbandonedPartialsAndEmptyFoldersButNothingInUse() throws java.io.IOException {
        BlobKey kept = BlobKey.source(VideoId.generate());
        store().write(kept, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 10, "video/mp4");
        BlobKey deleted = BlobKey.source(VideoId.generate());
        store().write(deleted, new java.io.ByteArrayInputStream(new byte[] {1}), 10, "video/mp4");
        store().delete(deleted);
        Path abandoned = Files.writeString(root.resolve(".incoming/abandoned"), "half an upload");
        Path running = Files.writeString(root.resolve(".incoming/running"), "an upload in progress");
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        try (var paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(running)).toList()) {
                Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.from(hourAgo));
            }
        }

        int removed = store().sweepAbandoned(Instant.now().minus(Duration.ofMinutes(30)));

        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
        assertThat(root.resolve(deleted.value()).getParent()).doesNotExist();
        assertThat(store().size(kept)).hasValue(3);
        assertThat(root.resolve(".incoming")).isDirectory();
        assertThat(removed).isEqualTo(2);
    }

    @Test
    void anUploadGrantVerifiesForUploadOnly() {
        BlobKey key = BlobKey.staging(VideoId.generate());
        UploadGrant grant = store().grantUpload(key, 1234, Duration.ofMinutes(15), java.util.Map.of("title", "Milk 🥛 café"));
        String token = tokenOf(grant.url().toString());

        Grant verified = store().verify(token, Action.UPLOAD);

        assertThat(verified.key()).isEqualTo(key);
        assertThat(verified.maxBytes()).isEqualTo(1234);
        assertThat(grant.url().toString()).startsWith("blobs/");
        assertThatThrownBy(() -> store().verify(token, Action.DOWNLOAD))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ACTION));
    }

    @Test
    void aTamperedGrantIsRefused() {
        String token = tokenOf(store().grantDownload(BlobKey.source(VideoId.generate()), "video/mp4", Duration.ofHours(1)).toString());
        String otherKey = tokenOf(store().grantDownload(BlobKey.source(VideoId.generate()), "video/mp4", Duration.ofHours(1)).toString());
        // the payload of one grant with the signature of another
        String spliced = token.substring(0, token.indexOf('.')) + otherKey.substring(otherKey.indexOf('.'));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = alphabet.indexOf(token.charAt(token.length() - 1));
        String head = token.substring(0, token.length() - 1);
        // a changed bit of the signature, and another spelling of the same bits (base64's unused trailing bit)
        String flipped = head + alphabet.charAt(last ^ 0x20);
        String respelled = head + alphabet.charAt(last ^ 0x01);

        for (String bad : new String[] {spliced, flipped, respelled}) {
            assertThatThrownBy(() -> store().verify(bad, Action.DOWNLOAD))
                    .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
        }
        for (String bad : new String[] {"", "no-dot", ".", "a.b.c", "%%%.%%%", "x".repeat(5000)}) {
            assertThatThrownBy(() -> store().verify(bad, Action.DOWNLOAD)).isInstanceOf(InvalidGrantException.class);
        }
    }

    @Test
    void aGrantExpires() {
        String token = tokenOf(store().grantDownload(BlobKey.source(VideoId.generate()), "video/mp4", Duration.ofMinutes(5)).toString());
        offset.set(Duration.ofMinutes(5));

        assertThatThrownBy(() -> store().verify(token, Action.DOWNLOAD))
                .isInstanceOfSatisfying(InvalidGrantException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void aGrantSignedWithAnotherKeyIsRefused() {
        LocalDiskBlobStorage other = new LocalDiskBlobStorage(root, "another-key-another-key-another-k".getBytes(), Clock.systemUTC());
        String token = tokenOf(other.grantDownload(BlobKey.source(VideoId.generate()), "video/mp4", Duration.ofHours(1)).toString());

        assertThatThrownBy(() -> store().verify(token, Action.DOWNLOAD)).isInstanceOf(InvalidGrantException.class);
    }

    @Test
    void aRefusedUploadLeavesNoTemporaryFile() throws IOException {
        BlobKey key = BlobKey.staging(VideoId.generate());
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }
        };

        assertThatThrownBy(() -> store().write(key, endless, 100_000, "video/mp4")).isInstanceOf(BlobTooLargeException.class);

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aBrokenUploadStreamLeavesNothing() throws IOException {
        BlobKey key = BlobKey.staging(VideoId.generate());
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 10_000) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };

        assertThatThrownBy(() -> store().write(key, breaking, 1_000_000, "video/mp4")).hasMessageContaining("broke off");

        assertThat(store().size(key)).isEmpty();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aShortSigningKeyIsRefused() {
        assertThatThrownBy(() -> new LocalDiskBlobStorage(root, new byte[16], Clock.systemUTC()))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void blobsLieUnderTheRootAtTheirKey() {
        VideoId video = VideoId.generate();
        store().write(BlobKey.thumbnail(video), new ByteArrayInputStream(new byte[] {1, 2, 3}), 10, "image/jpeg");

        assertThat(root.resolve("videos/" + video + "/thumbnail.jpg")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    private static String tokenOf(String url) {
        return url.substring("blobs/".length());
    }
}
