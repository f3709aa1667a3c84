package org.milkmobs.domain.events;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may see which events on a stream: an admin everything, a consumer only the events of their own videos;
 * a stream may be narrowed to one video.
 */
public record EventAudience(boolean everything, String ownerId, String videoId) {

    public static EventAudience all() {
        return new EventAudience(true, null, null);
    }

    public static EventAudience ownerOf(String ownerId) {
        return new EventAudience(false, Objects.requireNonNull(ownerId, "ownerId"), null);
    }

    public EventAudience onlyVideo(String video) {
        return new EventAudience(everything, ownerId, Objects.requireNonNull(video, "video"));
    }

    public Optional<String> video() {
        return Optional.ofNullable(videoId);
    }

    public Optional<String> owner() {
        return everything ? Optional.empty() : Optional.of(ownerId);
    }

    public boolean sees(PublishedEvent event) {
        if (videoId != null && !videoId.equals(event.videoId())) {
            return false;
        }
        return everything || ownerId.equals(event.ownerId());
    }
}
