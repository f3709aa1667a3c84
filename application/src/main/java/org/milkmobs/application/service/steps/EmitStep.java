package org.milkmobs.application.service.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import org.milkmobs.application.port.in.pipeline.JobSignal;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Video;

/** Announces the finished analysis (decision and mob) as a {@code video.analyzed} event, through the outbox. */
public class EmitStep implements StepHandler {

    public static final String VIDEO_ANALYZED = EventType.VIDEO_ANALYZED.wireName();

    private final StepVideos videos;
    private final LoadMobsPort mobs;
    private final EventOutbox outbox;

    public EmitStep(StepVideos videos, LoadMobsPort mobs, EventOutbox outbox) {
        this.videos = videos;
        this.mobs = mobs;
        this.outbox = outbox;
    }

    @Override
    public StepOutcome execute(PipelineJob job, JobSignal signal) {
        return StepOutcome.completed(() -> {
            Video video = videos.get(job.lease().videoId());
            Map<String, String> payload = new LinkedHashMap<>();
            payload.put("videoId", video.id().toString());
            payload.put("ownerId", video.owner().value());
            payload.put("status", video.status().name());
            mobs.mobOf(video.id()).ifPresent(mob -> payload.put("mobId", mob.toString()));
            outbox.append(VIDEO_ANALYZED, video.id().toString(), payload, videos.clock().instant());
        });
    }
}
