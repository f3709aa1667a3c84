package org.milkmobs.application.service.video;

import java.time.Clock;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.video.DeleteVideoUseCase;
import org.milkmobs.application.port.out.DeleteVideoPort;
import org.milkmobs.application.port.out.mob.MobMembershipPort;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/**
 * Deletes a video: its mob membership (so the centroid forgets it), its rows, and its files. The files are
 * queued for deletion in the same transaction and deleted after it; a store that fails is retried.
 */
public class DeleteVideoService implements DeleteVideoUseCase {

    private final DeleteVideoPort deleteVideo;
    private final MobMembershipPort mobs;
    private final BlobDeletionQueue deletions;
    private final Clock clock;

    public DeleteVideoService(DeleteVideoPort deleteVideo, MobMembershipPort mobs, BlobDeletionQueue deletions, Clock clock) {
        this.deleteVideo = deleteVideo;
        this.mobs = mobs;
        this.deletions = deletions;
        this.clock = clock;
    }

    @Override
    public boolean delete(VideoId video, Caller admin) {
        ForbiddenException.unlessAdmin(admin, "only admins delete videos");
        mobs.leave(video, "deleted", clock.instant());
        deletions.schedule(BlobKey.allOf(video), clock.instant());
        return deleteVideo.deleteVideo(video);
    }
}
