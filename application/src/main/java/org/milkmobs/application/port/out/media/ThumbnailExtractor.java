package org.milkmobs.application.port.out.media;

import java.nio.file.Path;
import org.milkmobs.domain.video.MediaFacts;

/** Picks a representative frame of a video (not a black or blank opening frame). */
public interface ThumbnailExtractor {

    /** @return the frame as a JPEG, at most 640 pixels wide */
    byte[] extractJpeg(Path video, MediaFacts facts);
}
