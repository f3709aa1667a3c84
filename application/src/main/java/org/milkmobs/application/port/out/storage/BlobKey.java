package org.milkmobs.application.port.out.storage;

import java.util.regex.Pattern;
import org.milkmobs.domain.video.VideoId;

/**
 * Where a blob lives in storage. Keys are made by the server from ids ({@link #source} etc.), never from
 * user input, and are checked to be plain relative paths, so no key can escape its store.
 */
public record BlobKey(String value) {

    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9._-]*)*");

    public BlobKey {
        if (value == null || value.length() > 512 || !SAFE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("not a safe blob key: " + value);
        }
    }

    /** Where the client uploads; writable through an upload grant until the upload is completed. */
    public static BlobKey staging(VideoId video) {
        return new BlobKey("uploads/" + video);
    }

    /** The video whose upload this staging key receives, if it is one. */
    public java.util.Optional<VideoId> stagedVideo() {
        return value.startsWith("uploads/") ? java.util.Optional.of(VideoId.parse(value.substring("uploads/".length())))
                : java.util.Optional.empty();
    }

    /** The video's bytes after completion; no grant can write here. */
    public static BlobKey source(VideoId video) {
        return new BlobKey("videos/" + video + "/source");
    }

    public static BlobKey thumbnail(VideoId video) {
        return new BlobKey("videos/" + video + "/thumbnail.jpg");
    }

    /** A file uploaded through the gateway to be embedded, by its content: identical uploads share it. */
    public static BlobKey gatewayUpload(org.milkmobs.domain.video.ContentHash content) {
        return new BlobKey("gateway/uploads/" + content.sha256());
    }

    /** Every key a video may own, for deletion. */
    public static java.util.List<BlobKey> allOf(VideoId video) {
        return java.util.List.of(staging(video), source(video), thumbnail(video));
    }

    @Override
    public String toString() {
        return value;
    }
}
