package org.milkmobs.domain.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An event as the world sees it: its place in the stream ({@code sequence}, growing in commit order, the
 * server-sent events' id), a unique {@code id} for idempotent receivers, its type and time, the resource it is
 * about, and for video events the video and its owner (who may see it).
 */
public record PublishedEvent(long sequence, UUID id, String type, Instant time, String resourceId, String videoId, String ownerId,
                             Map<String, String> data) {

    public PublishedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(resourceId, "resourceId");
        data = data.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The kind of resource: from the catalogue, or the part of the type before its dot. */
    public String resourceType() {
        return EventType.find(type).map(EventType::resource).orElse(type.contains(".") ? type.substring(0, type.indexOf('.')) : type);
    }

    public Optional<String> video() {
        return Optional.ofNullable(videoId);
    }

    public Optional<String> owner() {
        return Optional.ofNullable(ownerId);
    }
}
