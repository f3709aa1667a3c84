package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.video.DeleteVideoUseCase;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.testing.InMemoryBlobDeletionQueue;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;

/** Deleting a video: admins only; it leaves its mob, its rows go, and its files are queued for deletion. */
class DeleteVideoServiceTest {

    private static final Caller ADMIN = Caller.admin(new UserId("root"));

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final InMemoryBlobDeletionQueue deletions = new InMemoryBlobDeletionQueue();
    private final DeleteVideoUseCase delete = new DeleteVideoService(videos, mobs, deletions, clock);

    @Test
    void anAdminDeletesAVideoItsMembershipAndQueuesItsFiles() {
        Video video = videos.saveVideo(TestVideos.submitted("alice"));
        Video other = videos.saveVideo(TestVideos.submitted("bob"));
        MobId mob = mobs.createMobFor(new MobSpace("space"), video.id(), new float[] {1, 0}, new MembershipRule(0.9, 1000), clock.instant());
        mobs.createMobFor(new MobSpace("space"), other.id(), new float[] {1, 0}, new MembershipRule(0.9, 1000), clock.instant());

        assertThat(delete.delete(video.id(), ADMIN)).isTrue();

        assertThat(videos.loadVideo(video.id())).isEmpty();
        assertThat(mobs.mobOf(video.id())).isEmpty();
        assertThat(mobs.findMob(mob).orElseThrow().size()).as("the mob forgets it, and keeps the other member").isEqualTo(1);
        assertThat(mobs.history()).last().asString().contains("deleted");
        assertThat(deletions.keys()).containsExactlyInAnyOrderElementsOf(BlobKey.allOf(video.id()));
    }

    @Test
    void deletingAgainReportsNoSuchVideoAndQueuesNothingNew() {
        Video video = videos.saveVideo(TestVideos.submitted("alice"));
        delete.delete(video.id(), ADMIN);

        assertThat(delete.delete(video.id(), ADMIN)).isFalse();
        assertThat(deletions.pending()).isEqualTo(3);
    }

    @Test
    void aConsumerMayNotDeleteEvenTheirOwnVideo() {
        Video video = videos.saveVideo(TestVideos.submitted("alice"));

        assertThatThrownBy(() -> delete.delete(video.id(), Caller.consumer(new UserId("alice")))).isInstanceOf(ForbiddenException.class);
        assertThat(videos.loadVideo(video.id())).isPresent();
        assertThat(deletions.pending()).isZero();
    }
}
