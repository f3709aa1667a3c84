package org.milkmobs.application.service.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.DeleteVideoPort;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Announces a video's status changes and its deletion: wraps the video store, so every use case that saves a
 * video writes its event into the outbox in the same transaction, without each one having to remember.
 * {@code video.analyzed} is not a status change here: the pipeline's emit step announces it when the whole
 * analysis (decision and mob) is done.
 */
public class VideoEvents implements SaveVideoPort, DeleteVideoPort {

    private final LoadVideoPort load;
    private final SaveVideoPort save;
    private final DeleteVideoPort delete;
    private final EventOutbox outbox;
    private final Clock clock;

    public VideoEvents(LoadVideoPort load, SaveVideoPort save, DeleteVideoPort delete, EventOutbox outbox, Clock clock) {
        this.load = load;
        this.save = save;
        this.delete = delete;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Video saveVideo(Video video) {
        // a version does not tell a new video from a stored one (both start at 0): ask the store
        Optional<VideoStatus> before = load.loadVideo(video.id()).map(Video::status);
        Video saved = save.saveVideo(video);
        if (before.isPresent() && before.get() == VideoStatus.SUBMITTED && saved.status() != VideoStatus.UPLOADED
                && saved.status() != VideoStatus.SUBMITTED && saved.status() != VideoStatus.FAILED) {
            // checked and started in one save (the preflight step): the upload still happened, and is announced first
            announce(EventType.VIDEO_UPLOADED, saved, before);
        }
        if (before.isEmpty() || before.get() != saved.status()) {
            typeOf(saved.status()).ifPresent(type -> announce(type, saved, before));
        }
        return saved;
    }

    @Override
    public boolean deleteVideo(VideoId id) {
        Optional<Video> video = load.loadVideo(id);
        boolean deleted = delete.deleteVideo(id);
        if (deleted) {
            video.ifPresent(v -> announce(EventType.VIDEO_DELETED, v, Optional.of(v.status())));
        }
        return deleted;
    }

    static Optional<EventType> typeOf(VideoStatus status) {
        return switch (status) {
            case SUBMITTED -> Optional.of(EventType.VIDEO_SUBMITTED);
            case UPLOADED -> Optional.of(EventType.VIDEO_UPLOADED);
            case DEFERRED -> Optional.of(EventType.VIDEO_DEFERRED);
            case VALIDATED -> Optional.of(EventType.VIDEO_VALIDATED);
            case REJECTED -> Optional.of(EventType.VIDEO_REJECTED);
            case IN_REVIEW -> Optional.of(EventType.VIDEO_IN_REVIEW);
            case FAILED -> Optional.of(EventType.VIDEO_FAILED);
            case PROCESSING, ANALYZED -> Optional.empty();
        };
    }

    private void announce(EventType type, Video video, Optional<VideoStatus> before) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("videoId", video.id().toString());
        data.put("ownerId", video.owner().value());
        data.put("status", type == EventType.VIDEO_DELETED ? "DELETED" : video.status().name());
        before.ifPresent(status -> data.put("previousStatus", status.name()));
        if (type == EventType.VIDEO_FAILED) {
            video.failure().ifPresent(failure -> data.put("reason", failure.code().name()));
        }
        outbox.append(type.wireName(), video.id().toString(), data, clock.instant());
    }
}
