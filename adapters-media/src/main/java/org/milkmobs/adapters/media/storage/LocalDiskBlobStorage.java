package org.milkmobs.adapters.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.port.out.storage.CappedCopy;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.application.port.UploadGrant;

/**
 * Blobs as files under one root folder, with URLs the application serves itself ({@code blobs/<grant>},
 * relative to the API's base URI) and signs with HMAC ({@link GrantTokens}).
 *
 * <p>Writes go to a temporary file in the same file system and are renamed into place, so a reader
 * never sees half a blob and a failed upload leaves nothing behind.
 */
public final class LocalDiskBlobStorage implements BlobStorage, BlobGrants {

    /** The path under the API where {@code adapters-rest} redeems the grants this store issues. */
    public static final String GRANT_PATH = "blobs/";

    private final Path root;
    private final Path temporary;
    private final GrantTokens tokens;
    private final Clock clock;

    public LocalDiskBlobStorage(Path root, byte[] signingKey, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.temporary = this.root.resolve(".incoming");
        this.tokens = new GrantTokens(signingKey);
        this.clock = clock;
        try {
            Files.createDirectories(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob folder " + this.root, e);
        }
    }

    @Override
    public UploadGrant grantUpload(BlobKey key, long maxBytes, Duration ttl, Map<String, String> metadata) {
        Instant expiresAt = clock.instant().plus(ttl);
        String token = tokens.sign(new Grant(key, Action.UPLOAD, expiresAt, maxBytes, null));
        return new UploadGrant(URI.create(GRANT_PATH + token), "PUT", Map.of(), expiresAt, maxBytes);
    }

    @Override
    public URI grantDownload(BlobKey key, String contentType, Duration ttl) {
        return URI.create(GRANT_PATH + tokens.sign(new Grant(key, Action.DOWNLOAD, clock.instant().plus(ttl), 0, contentType)));
    }

    @Override
    public Grant verify(String token, Action action) {
        return tokens.verify(token, action, clock.instant());
    }

    @Override
    public OptionalLong size(BlobKey key) {
        try {
            return OptionalLong.of(Files.size(pathOf(key)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new BlobStorageException("cannot read the size of " + key, e);
        }
    }

    @Override
    public InputStream read(BlobKey key, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new BlobStorageException("cannot read " + key, e);
        }
    }

    @Override
    public long write(BlobKey key, InputStream content, long maxBytes, String contentType) {
        Path incoming = temporary.resolve(UUID.randomUUID().toString());
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(incoming, StandardOpenOption.CREATE_NEW)) {
                written = CappedCopy.copyAtMost(content, out, maxBytes);
            }
            moveIntoPlace(incoming, pathOf(key));
            return written;
        } catch (IOException e) {
            throw new BlobStorageException("writing " + key + " broke off: " + e.getMessage(), e);
        } finally {
            deleteQuietly(incoming);
        }
    }

    @Override
    public void move(BlobKey from, BlobKey to) {
        try {
            moveIntoPlace(pathOf(from), pathOf(to));
        } catch (NoSuchFileException e) {
            throw new BlobStorageException("there is no blob " + from + " to move", e);
        } catch (IOException e) {
            throw new BlobStorageException("cannot move " + from + " to " + to, e);
        }
    }

    @Override
    public LocalCopy localCopy(BlobKey key) {
        Path path = pathOf(key);
        if (!Files.isRegularFile(path)) {
            throw new BlobStorageException("there is no blob " + key);
        }
        return new LocalCopy() {
            @Override
            public Path path() {
                return path;
            }

            @Override
            public void close() {
                // the store's own file: nothing to clean up
            }
        };
    }

    @Override
    public void delete(BlobKey key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new BlobStorageException("cannot delete " + key, e);
        }
    }

    /** Partial files in {@code .incoming} and empty folders, both older than {@code olderThan} (younger ones may be in use). */
    @Override
    public int sweepAbandoned(Instant olderThan) {
        int removed = 0;
        try (var files = Files.walk(root)) {
            // deepest first, so a folder emptied by this sweep is removed in the same pass
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                boolean partial = path.getParent() != null && path.getParent().equals(temporary) && Files.isRegularFile(path);
                boolean folder = Files.isDirectory(path) && !path.equals(root) && !path.equals(temporary);
                if ((partial || folder) && Files.getLastModifiedTime(path).toInstant().isBefore(olderThan) && deleteIfEmptyOrFile(path)) {
                    removed++;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BlobStorageException("cannot sweep the file store", e instanceof IOException io ? io : ((java.io.UncheckedIOException) e).getCause());
        }
        return removed;
    }

    private static boolean deleteIfEmptyOrFile(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (java.nio.file.DirectoryNotEmptyException stillUsed) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path pathOf(BlobKey key) {
        Path path = root.resolve(key.value()).normalize();
        if (!path.startsWith(root) || path.startsWith(temporary)) {
            throw new IllegalArgumentException("blob key outside the store: " + key);
        }
        return path;
    }

    private static void moveIntoPlace(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            move(source, target);
        } catch (NoSuchFileException sweptMeanwhile) {
            // the sweeper removed the (old, empty) folder between its creation and the move: once more
            Files.createDirectories(target.getParent());
            move(source, target);
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a stray temporary file is harmless; the next start does not read .incoming
        }
    }

}
