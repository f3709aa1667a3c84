package org.milkmobs.adapters.persistence.video;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.Optional;
import org.milkmobs.application.port.out.ConcurrentUpdateException;
import org.milkmobs.application.port.out.DeleteVideoPort;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Stores videos with JPA. It joins the caller's transaction and never opens one: the transaction
 * boundary is the use case.
 */
@Dependent
class VideoPersistenceAdapter implements LoadVideoPort, SaveVideoPort, DeleteVideoPort {

    private final EntityManager entityManager;

    @Inject
    VideoPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<Video> loadVideo(VideoId id) {
        return Optional.ofNullable(entityManager.find(VideoJpaEntity.class, id.value())).map(VideoMapper::toDomain);
    }

    @Override
    public Optional<Video> loadVideoForUpdate(VideoId id) {
        return Optional.ofNullable(entityManager.find(VideoJpaEntity.class, id.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(VideoMapper::toDomain);
    }

    @Override
    public Video saveVideo(Video video) {
        VideoJpaEntity row = entityManager.find(VideoJpaEntity.class, video.id().value());
        try {
            if (row == null) {
                if (video.version() != 0) {
                    throw new ConcurrentUpdateException("video " + video.id() + " (it was deleted)");
                }
                row = new VideoJpaEntity();
                VideoMapper.copyInto(video, row);
                entityManager.persist(row);
            } else {
                if (row.version != video.version()) {
                    throw new ConcurrentUpdateException("video " + video.id());
                }
                VideoMapper.copyInto(video, row);
            }
            // Flush now, so a conflicting concurrent transaction surfaces here, as a port-level exception.
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("video " + video.id());
        }
        return VideoMapper.toDomain(row);
    }

    /** Rows that belong to the video (workflow, analysis, embeddings, decisions, membership) go by foreign-key cascade. */
    @Override
    public boolean deleteVideo(VideoId id) {
        VideoJpaEntity row = entityManager.find(VideoJpaEntity.class, id.value());
        if (row == null) {
            return false;
        }
        entityManager.remove(row);
        entityManager.flush();
        return true;
    }
}
