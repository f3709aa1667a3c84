package org.milkmobs.application.port.out.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CappedCopyTest {

    @Test
    void contentUpToTheCapIsCopiedWhole() throws Exception {
        byte[] content = new byte[200_000];
        content[199_999] = 7;
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(CappedCopy.copyAtMost(new ByteArrayInputStream(content), out, content.length)).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);
    }

    @Test
    void contentOverTheCapIsRefusedWithoutReadingTheRest() {
        CountingStream endless = new CountingStream();

        assertThatThrownBy(() -> CappedCopy.copyAtMost(endless, new ByteArrayOutputStream(), 100_000))
                .isInstanceOfSatisfying(BlobTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(100_000));
        assertThat(endless.served).as("stops one buffer past the cap").isLessThan(100_000 + 64 * 1024 + 1);
    }

    /** A stream with no end that counts what it served. */
    private static final class CountingStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            served += length;
            return length;
        }
    }
}
