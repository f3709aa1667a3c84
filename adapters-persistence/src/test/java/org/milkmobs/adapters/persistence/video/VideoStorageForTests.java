package org.milkmobs.adapters.persistence.video;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Lets tests in other packages of this module use the (package-private) video adapter through its ports. */
public final class VideoStorageForTests {

    private VideoStorageForTests() {
    }

    public static VideoStore adapter(EntityManager em) {
        VideoPersistenceAdapter adapter = new VideoPersistenceAdapter(em);
        return new VideoStore() {
            @Override
            public Optional<Video> loadVideo(VideoId id) {
                return adapter.loadVideo(id);
            }

            @Override
            public Optional<Video> loadVideoForUpdate(VideoId id) {
                return adapter.loadVideoForUpdate(id);
            }

            @Override
            public Video saveVideo(Video video) {
                return adapter.saveVideo(video);
            }

            @Override
            public boolean deleteVideo(VideoId id) {
                return adapter.deleteVideo(id);
            }
        };
    }

    public static org.milkmobs.application.port.out.ListVideosPort listing(EntityManager em) {
        return new VideoListingAdapter(em);
    }

    public static org.milkmobs.application.port.out.VideoDetailsReadPort details(EntityManager em) {
        return new VideoDetailsSqlAdapter(em);
    }

    public interface VideoStore extends LoadVideoPort, SaveVideoPort, org.milkmobs.application.port.out.DeleteVideoPort {
    }
}
