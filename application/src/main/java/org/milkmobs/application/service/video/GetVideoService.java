package org.milkmobs.application.service.video;

import org.milkmobs.application.port.in.GetVideoUseCase;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.domain.video.Video;

public class GetVideoService implements GetVideoUseCase {

    private final LoadVideoPort loadVideo;
    private final VideoDetailsAssembler details;

    public GetVideoService(LoadVideoPort loadVideo, VideoDetailsAssembler details) {
        this.loadVideo = loadVideo;
        this.details = details;
    }

    @Override
    public VideoDetails get(GetVideoQuery query) {
        Video video = loadVideo.loadVideo(query.videoId())
                .filter(v -> v.isVisibleTo(query.caller()))
                .orElseThrow(() -> new VideoNotFoundException(query.videoId()));
        return details.of(video, query.caller());
    }


}
