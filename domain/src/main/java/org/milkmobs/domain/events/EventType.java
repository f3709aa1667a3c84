package org.milkmobs.domain.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.InvalidValueException;

/**
 * The catalogue of events Milk Mobs announces (webhooks and server-sent events), each with the kind of
 * resource it is about. The wire name ({@code video.submitted}) is the contract.
 */
public enum EventType {
    VIDEO_SUBMITTED("video.submitted", "video"),
    VIDEO_UPLOADED("video.uploaded", "video"),
    VIDEO_DEFERRED("video.deferred", "video"),
    VIDEO_VALIDATED("video.validated", "video"),
    VIDEO_REJECTED("video.rejected", "video"),
    VIDEO_IN_REVIEW("video.in_review", "video"),
    VIDEO_ANALYZED("video.analyzed", "video"),
    VIDEO_FAILED("video.failed", "video"),
    VIDEO_DELETED("video.deleted", "video"),
    MOB_CREATED("mob.created", "mob"),
    MOB_MERGED("mob.merged", "mob"),
    MOB_SPLIT("mob.split", "mob"),
    MOB_RELABELLED("mob.relabelled", "mob"),
    BUDGET_THRESHOLD("budget.threshold", "budget"),
    JOB_DEAD("job.dead", "job"),
    PIPELINE_STALLED("pipeline.stalled", "pipeline");

    private final String wireName;
    private final String resource;

    EventType(String wireName, String resource) {
        this.wireName = wireName;
        this.resource = resource;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind of resource the event is about: video, mob, budget, job or pipeline. */
    public String resource() {
        return resource;
    }

    public static Optional<EventType> find(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static EventType fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new InvalidValueException("eventTypes",
                "unknown event type '" + wireName + "'; the types are " + wireNames()));
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }
}
