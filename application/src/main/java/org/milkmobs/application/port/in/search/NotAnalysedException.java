package org.milkmobs.application.port.in.search;

import org.milkmobs.application.port.in.ConflictException;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.video.VideoId;

/** The video has no vectors of the active model yet: it is not analysed, or was analysed by another model. */
public final class NotAnalysedException extends ConflictException {

    public NotAnalysedException(VideoId video, EmbeddingModel model) {
        super("video " + video + " has no embeddings of " + model.id() + " yet; its look-alikes can be found once it is analysed");
    }
}
