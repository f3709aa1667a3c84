package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.VideoId;

class InMemoryVideoQuestionsTest extends VideoQuestionsContract {

    private final InMemoryVideoQuestions questions = new InMemoryVideoQuestions();

    @Override
    protected VideoQuestions questions() {
        return questions;
    }

    @Override
    protected VideoMedia storedVideo() {
        VideoId id = VideoId.generate();
        return new VideoMedia(id, BlobKey.source(id), TestVideos.mediaFacts());
    }
}
