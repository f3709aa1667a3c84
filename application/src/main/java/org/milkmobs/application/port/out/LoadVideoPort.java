package org.milkmobs.application.port.out;

import java.util.Optional;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

public interface LoadVideoPort {

    Optional<Video> loadVideo(VideoId id);
}
