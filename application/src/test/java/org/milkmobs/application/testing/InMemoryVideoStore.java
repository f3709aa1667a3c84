package org.milkmobs.application.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.ConcurrentUpdateException;
import org.milkmobs.application.port.out.DeleteVideoPort;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoSnapshot;

/** The in-memory twin of the video storage ports; {@link VideoStoreContract} holds both twins to one behaviour. */
public class InMemoryVideoStore implements LoadVideoPort, SaveVideoPort, DeleteVideoPort {

    private final Map<VideoId, VideoSnapshot> videos = new ConcurrentHashMap<>();

    @Override
    public Optional<Video> loadVideo(VideoId id) {
        return Optional.ofNullable(videos.get(id)).map(Video::restore);
    }

    @Override
    public Video saveVideo(Video video) {
        VideoSnapshot saved = videos.compute(video.id(), (id, stored) -> {
            long storedVersion = stored == null ? 0 : stored.version();
            boolean isNew = stored == null && video.version() == 0;
            if (!isNew && storedVersion != video.version()) {
                throw new ConcurrentUpdateException("video " + id);
            }
            VideoSnapshot s = video.snapshot();
            return new VideoSnapshot(s.id(), s.owner(), s.title(), s.description(), s.hashtags(), s.status(),
                    s.createdAt(), s.updatedAt(), s.media(), s.failure(), s.hasThumbnail(), s.duplicateOf(),
                    isNew ? 0 : storedVersion + 1);
        });
        return Video.restore(saved);
    }

    /** Every stored video, for the listing twin. */
    public java.util.List<Video> all() {
        return videos.values().stream().map(Video::restore).toList();
    }

    @Override
    public boolean deleteVideo(VideoId id) {
        return videos.remove(id) != null;
    }
}
