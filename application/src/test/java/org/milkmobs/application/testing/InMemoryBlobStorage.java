package org.milkmobs.application.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.port.out.storage.CappedCopy;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.application.port.UploadGrant;

/** The in-memory twin of {@link BlobStorage}. {@link #failDeletesOf} makes deletes fail, for retry tests. */
public class InMemoryBlobStorage implements BlobStorage {

    private final Map<BlobKey, byte[]> blobs = new ConcurrentHashMap<>();
    private final Set<BlobKey> failingDeletes = ConcurrentHashMap.newKeySet();

    public void put(BlobKey key, byte[] content) {
        blobs.put(key, content.clone());
    }

    public boolean contains(BlobKey key) {
        return blobs.containsKey(key);
    }

    public void failDeletesOf(BlobKey key) {
        failingDeletes.add(key);
    }

    public void healDeletes() {
        failingDeletes.clear();
    }

    @Override
    public UploadGrant grantUpload(BlobKey key, long maxBytes, Duration ttl, Map<String, String> metadata) {
        return new UploadGrant(URI.create("memory://upload/" + key), "PUT", Map.of(), Instant.now().plus(ttl), maxBytes);
    }

    @Override
    public URI grantDownload(BlobKey key, String contentType, Duration ttl) {
        return URI.create("memory://download/" + key);
    }

    @Override
    public OptionalLong size(BlobKey key) {
        byte[] blob = blobs.get(key);
        return blob == null ? OptionalLong.empty() : OptionalLong.of(blob.length);
    }

    @Override
    public InputStream read(BlobKey key, long offset, long length) {
        byte[] blob = existing(key);
        int from = (int) Math.min(offset, blob.length);
        return new ByteArrayInputStream(Arrays.copyOfRange(blob, from, (int) Math.min(blob.length, offset + length)));
    }

    @Override
    public long write(BlobKey key, InputStream content, long maxBytes, String contentType) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CappedCopy.copyAtMost(content, out, maxBytes);
            byte[] bytes = out.toByteArray();
            blobs.put(key, bytes);
            return bytes.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void move(BlobKey from, BlobKey to) {
        byte[] blob = blobs.remove(from);
        if (blob == null) {
            throw new BlobStorageException("there is no blob " + from + " to move");
        }
        blobs.put(to, blob);
    }

    @Override
    public LocalCopy localCopy(BlobKey key) {
        try {
            Path file = Files.createTempFile("blob", ".bin");
            Files.write(file, existing(key));
            return new LocalCopy() {
                @Override
                public Path path() {
                    return file;
                }

                @Override
                public void close() {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // test temp file
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        if (failingDeletes.contains(key)) {
            throw new BlobStorageException("simulated failure deleting " + key);
        }
        blobs.remove(key);
    }

    private byte[] existing(BlobKey key) {
        byte[] blob = blobs.get(key);
        if (blob == null) {
            throw new BlobStorageException("there is no blob " + key);
        }
        return blob;
    }
}
