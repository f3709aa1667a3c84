package org.milkmobs.application.testing;

import java.time.Duration;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.application.service.video.VideoUrls;

/** A video's details over in-memory stores, for the services that answer with them (submit, complete). */
public final class TestDetails {

    private static final UploadSettings UPLOADS = new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5),
            Duration.ofMinutes(20), Duration.ofHours(1));

    private TestDetails() {
    }

    public static VideoDetailsAssembler over(BlobStorage storage, WorkflowProgressPort workflows) {
        return new VideoDetailsAssembler(new VideoUrls(storage, UPLOADS), workflows, new InMemoryVideoDetails(new InMemoryVideoStore(),
                new InMemoryAnalysisStore(), new InMemoryMobs(), new InMemoryNearDuplicateStore()), new InMemoryValidationStore());
    }
}
