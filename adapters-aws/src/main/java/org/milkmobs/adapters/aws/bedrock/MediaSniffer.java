package org.milkmobs.adapters.aws.bedrock;

/** Recognises files by their first bytes (their "magic numbers"), before they are sent anywhere. */
final class MediaSniffer {

    private MediaSniffer() {
    }

    static boolean isImage(byte[] b) {
        return starts(b, 0, 0xFF, 0xD8, 0xFF)                                   // JPEG
                || starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)    // PNG
                || starts(b, 0, 'G', 'I', 'F', '8')                             // GIF
                || starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P');
    }

    static boolean isAudio(byte[] b) {
        return starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'A', 'V', 'E')
                || starts(b, 0, 'I', 'D', '3')                                  // MP3 with a tag
                || b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0 // MPEG audio frame
                || starts(b, 0, 'O', 'g', 'g', 'S')
                || starts(b, 0, 'f', 'L', 'a', 'C')
                || starts(b, 4, 'f', 't', 'y', 'p');                            // M4A/AAC in MP4
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
