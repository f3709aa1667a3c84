package org.milkmobs.application.service.video;

import org.milkmobs.application.port.in.GetVideoUseCase;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;

/** One video: read with its public facts in one round trip; owners and admins also get progress and the decision. */
public class GetVideoService implements GetVideoUseCase {

    private final VideoDetailsReadPort videos;
    private final VideoDetailsAssembler details;

    public GetVideoService(VideoDetailsReadPort videos, VideoDetailsAssembler details) {
        this.videos = videos;
        this.details = details;
    }

    @Override
    public VideoDetails get(GetVideoQuery query) {
        VideoWithFacts found = videos.videoWithFacts(query.videoId())
                .filter(f -> f.video().isVisibleTo(query.caller()))
                .orElseThrow(() -> new VideoNotFoundException(query.videoId()));
        return details.of(found, query.caller());
    }
}
