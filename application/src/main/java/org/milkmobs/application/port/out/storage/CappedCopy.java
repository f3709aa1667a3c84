package org.milkmobs.application.port.out.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The copy every {@link BlobStorage#write} makes: it refuses content over the cap as soon as the cap is passed,
 * without reading the rest. It sits beside the port because the cap is the port's promise (a refused write
 * stores nothing) and the adapters that keep it (local disk, S3) may not see each other.
 */
public final class CappedCopy {

    private static final int BUFFER = 64 * 1024;

    private CappedCopy() {
    }

    /**
     * Copies {@code in} to {@code out} and returns the bytes copied.
     *
     * @throws BlobTooLargeException when {@code in} holds more than {@code maxBytes}; what was copied is the
     *                               caller's to throw away
     */
    public static long copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            out.write(buffer, 0, read);
        }
        return total;
    }
}
