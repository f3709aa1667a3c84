package org.milkmobs.application.service.video;

import java.net.URI;
import java.util.Optional;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Video;

/** Short-lived URLs of a video's files: its thumbnail and its playback. */
public class VideoUrls {

    private final BlobStorage storage;
    private final UploadSettings uploads;

    public VideoUrls(BlobStorage storage, UploadSettings uploads) {
        this.storage = storage;
        this.uploads = uploads;
    }

    /** The thumbnail (JPEG), once the video has one. */
    public Optional<URI> thumbnail(Video video) {
        return video.hasThumbnail()
                ? Optional.of(storage.grantDownload(BlobKey.thumbnail(video.id()), "image/jpeg", uploads.downloadUrlTtl()))
                : Optional.empty();
    }

    /** The uploaded file, once it is checked, with the media type browsers expect. */
    public Optional<URI> playback(Video video) {
        return video.media().map(facts -> storage.grantDownload(BlobKey.source(video.id()), contentType(facts), uploads.downloadUrlTtl()));
    }

    /** The media type browsers expect for the container ffprobe found. */
    static String contentType(MediaFacts facts) {
        String container = facts.container();
        if (container.startsWith("mov,mp4")) {
            return "video/mp4";
        }
        if (container.startsWith("matroska")) {
            return "webm".equals(facts.videoCodec()) || "vp8".equals(facts.videoCodec()) || "vp9".equals(facts.videoCodec())
                    || "av1".equals(facts.videoCodec()) ? "video/webm" : "video/x-matroska";
        }
        if (container.equals("avi")) {
            return "video/x-msvideo";
        }
        return "application/octet-stream";
    }
}
