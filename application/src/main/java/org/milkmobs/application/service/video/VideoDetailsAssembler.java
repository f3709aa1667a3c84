package org.milkmobs.application.service.video;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.pipeline.WorkflowProgress;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Puts together what the API shows of a video: playback and thumbnail URLs, the analysis, the mob, and
 * for its owner and admins the pipeline's progress and the validation breakdown.
 */
public class VideoDetailsAssembler {

    private final VideoUrls urls;
    private final WorkflowProgressPort workflows;
    private final AnalysisStore analyses;
    private final ValidationStore validations;
    private final LoadMobsPort mobs;
    private final NearDuplicateStore nearDuplicates;

    public VideoDetailsAssembler(VideoUrls urls, WorkflowProgressPort workflows, AnalysisStore analyses, ValidationStore validations,
                                 LoadMobsPort mobs, NearDuplicateStore nearDuplicates) {
        this.urls = urls;
        this.workflows = workflows;
        this.analyses = analyses;
        this.validations = validations;
        this.mobs = mobs;
        this.nearDuplicates = nearDuplicates;
    }

    public VideoDetails of(Video video, Caller caller) {
        return ofAll(List.of(video), caller).get(0);
    }

    /**
     * The details of a page of videos, in its order, with one read per kind (analyses, mobs, near-duplicates, and for the
     * videos the caller may inspect progress and decisions) whatever the page's size: no query per item.
     */
    public List<VideoDetails> ofAll(List<Video> videos, Caller caller) {
        if (videos.isEmpty()) {
            return List.of();
        }
        List<VideoId> ids = videos.stream().map(Video::id).toList();
        List<VideoId> inspected = videos.stream().filter(v -> v.manageableBy(caller)).map(Video::id).toList();
        Map<VideoId, Analysis> analysisOf = analyses.findAnalyses(ids);
        Map<VideoId, MobId> mobOf = mobs.mobsOf(ids);
        Map<VideoId, VideoId> originalOf = nearDuplicates.originalsOf(ids);
        Map<VideoId, WorkflowProgress> progressOf = inspected.isEmpty() ? Map.of() : workflows.progressOf(inspected);
        Map<VideoId, ValidationDecision> decisionOf = inspected.isEmpty() ? Map.of() : validations.latestDecisions(inspected);
        return videos.stream().map(video -> new VideoDetails(video, urls.thumbnail(video), urls.playback(video),
                Optional.ofNullable(progressOf.get(video.id())), Optional.ofNullable(analysisOf.get(video.id())),
                Optional.ofNullable(decisionOf.get(video.id())), Optional.ofNullable(mobOf.get(video.id())),
                Optional.ofNullable(originalOf.get(video.id())))).toList();
    }

    /** A video's thumbnail URL alone, for galleries that show nothing else of it. */
    public Optional<java.net.URI> thumbnailOf(Video video) {
        return urls.thumbnail(video);
    }
}
