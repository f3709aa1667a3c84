package org.milkmobs.application.service.video;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort.PublicFacts;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Puts together what the API shows of a video: playback and thumbnail URLs, the analysis, the mob, and
 * for its owner and admins the pipeline's progress and the validation breakdown. What everyone sees (analysis, mob,
 * near-duplicate original) comes from the read model in one round trip, for one video or a page (ADR 0029).
 */
public class VideoDetailsAssembler {

    private final VideoUrls urls;
    private final WorkflowProgressPort workflows;
    private final VideoDetailsReadPort facts;
    private final ValidationStore validations;

    public VideoDetailsAssembler(VideoUrls urls, WorkflowProgressPort workflows, VideoDetailsReadPort facts, ValidationStore validations) {
        this.urls = urls;
        this.workflows = workflows;
        this.facts = facts;
        this.validations = validations;
    }

    public VideoDetails of(Video video, Caller caller) {
        return ofAll(List.of(video), caller).get(0);
    }

    /** The details of a video read with its public facts ({@link VideoDetailsReadPort#videoWithFacts}): nothing more to read for a consumer. */
    public VideoDetails of(VideoWithFacts found, Caller caller) {
        return assemble(List.of(found.video()), Map.of(found.video().id(), found.facts()), caller).get(0);
    }

    /**
     * The details of a page of videos, in its order, with one read of the public facts, and for the videos the caller
     * may inspect one of progress and one of decisions, whatever the page's size: no query per item.
     */
    public List<VideoDetails> ofAll(List<Video> videos, Caller caller) {
        if (videos.isEmpty()) {
            return List.of();
        }
        return assemble(videos, facts.publicFactsOf(videos.stream().map(Video::id).toList()), caller);
    }

    private List<VideoDetails> assemble(List<Video> videos, Map<VideoId, PublicFacts> factsOf, Caller caller) {
        List<VideoId> inspected = videos.stream().filter(v -> v.manageableBy(caller)).map(Video::id).toList();
        Map<VideoId, WorkflowProgress> progressOf = inspected.isEmpty() ? Map.of() : workflows.progressOf(inspected);
        Map<VideoId, ValidationDecision> decisionOf = inspected.isEmpty() ? Map.of() : validations.latestDecisions(inspected);
        return videos.stream().map(video -> {
            PublicFacts known = factsOf.getOrDefault(video.id(), PublicFacts.NONE);
            return new VideoDetails(video, urls.thumbnail(video), urls.playback(video), Optional.ofNullable(progressOf.get(video.id())),
                    known.analysis(), Optional.ofNullable(decisionOf.get(video.id())), known.mob(), known.original());
        }).toList();
    }

    /** A video's thumbnail URL alone, for galleries that show nothing else of it. */
    public Optional<java.net.URI> thumbnailOf(Video video) {
        return urls.thumbnail(video);
    }
}
