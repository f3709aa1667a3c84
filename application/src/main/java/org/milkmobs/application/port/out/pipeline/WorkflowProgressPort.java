package org.milkmobs.application.port.out.pipeline;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.video.VideoId;

/**
 * How far the pipeline has got with a video, as its owner sees it in the video's details: apart from pipeline
 * administration ({@link PipelineAdminPort}), which consumers' reads have no business depending on.
 */
public interface WorkflowProgressPort {

    /** The video's workflow, if it has one. */
    Optional<WorkflowProgress> progress(VideoId video);

    /** The progress of each of these videos that has a workflow, in one read (a page asks for all its items at once). */
    Map<VideoId, WorkflowProgress> progressOf(Collection<VideoId> videos);
}
