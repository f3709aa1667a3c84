package org.milkmobs.adapters.rest.video;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.milkmobs.adapters.rest.support.PublicUrls;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;

/** Turns pages and details of videos into their web models, with absolute URLs. */
@RequestScoped
public class VideoPages {

    @Inject
    PublicUrls urls;

    public PageResponse page(Page<VideoDetails> page) {
        return new PageResponse(page.items().stream().map(this::video).toList(), page.nextCursor().orElse(null));
    }

    public VideoResponse video(VideoDetails details) {
        return VideoResponse.from(details, urls::absolute);
    }
}
