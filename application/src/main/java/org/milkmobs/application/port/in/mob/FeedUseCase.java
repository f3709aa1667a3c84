package org.milkmobs.application.port.in.mob;

import java.util.Optional;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.domain.user.Caller;

/** Validated videos, newest first, spread across mobs so one mob never fills a page. */
public interface FeedUseCase {

    Page<VideoDetails> feed(Caller caller, Optional<String> cursor, int limit);
}
