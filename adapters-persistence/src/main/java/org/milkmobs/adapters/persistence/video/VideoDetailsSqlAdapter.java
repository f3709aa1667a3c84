package org.milkmobs.adapters.persistence.video;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.domain.video.VideoId;

/**
 * The read model behind a video's details in one statement (ADR 0029): the video's row (or only its id, for a page
 * whose videos are loaded), its analysis and mob by their primary keys, and the earliest original it is a
 * near-duplicate of through the (copy_id, original_id) unique index. One round trip where the details took four.
 */
@Dependent
class VideoDetailsSqlAdapter implements VideoDetailsReadPort {

    private final Sql sql;

    @Inject
    VideoDetailsSqlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<VideoWithFacts> videoWithFacts(VideoId id) {
        List<VideoWithFacts> found = sql.query(VideoDetailsRows.ONE, VideoDetailsRows::withFacts, id.value());
        return found.stream().findFirst();
    }

    @Override
    public Map<VideoId, VideoWithFacts> videosWithFacts(Collection<VideoId> ids) {
        Map<VideoId, VideoWithFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        sql.query(VideoDetailsRows.MANY, row -> {
            VideoWithFacts video = VideoDetailsRows.withFacts(row);
            return found.put(video.video().id(), video);
        }, (Object) ids.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        return found;
    }

    @Override
    public Map<VideoId, PublicFacts> publicFactsOf(Collection<VideoId> ids) {
        Map<VideoId, PublicFacts> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        sql.query(VideoDetailsRows.PAGE, row -> {
            VideoId video = new VideoId(Sql.uuid(row, "id"));
            return found.put(video, VideoDetailsRows.facts(row, video));
        }, (Object) ids.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        return found;
    }
}
