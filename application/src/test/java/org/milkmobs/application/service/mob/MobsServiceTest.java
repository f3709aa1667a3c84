package org.milkmobs.application.service.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.in.mob.MobsUseCase.MobNotFoundException;
import org.milkmobs.application.port.in.mob.MobsUseCase.MobView;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.application.service.video.VideoUrls;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.InMemoryValidationStore;
import org.milkmobs.application.testing.InMemoryVideoDetails;
import org.milkmobs.application.testing.InMemoryVideoListing;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** The mobs of the active space, largest first with sample thumbnails, and their members in pages. */
class MobsServiceTest {

    private static final Caller ANYONE = Caller.consumer(new UserId("carol"));

    private final VideoVectors vectors = new VideoVectors(new InMemoryEmbeddingStore(), new EmbeddingModel("local-perceptual-v1", 2),
            new ModalityWeights(Map.of(Modality.VISUAL, 1.0)));
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final InMemoryVideoListing listing = new InMemoryVideoListing(videos, mobs, vectors.space());
    private final MobsUseCase service = new MobsService(mobs, vectors, listing, new VideoDetailsAssembler(
            new VideoUrls(new InMemoryBlobStorage(), new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(20),
                    Duration.ofHours(1))),
            new InMemoryWorkflows(), new InMemoryVideoDetails(videos, new InMemoryAnalysisStore(), mobs, new InMemoryNearDuplicateStore()),
            new InMemoryValidationStore()));

    @Test
    void mobsOfTheActiveSpaceComeLargestFirstWithThumbnailsOfTheirSamples() {
        MobId small = mob(new float[] {1, 0}, 1);
        MobId large = mob(new float[] {0, 1}, 3);
        mobs.createMobFor(new MobSpace("another-space"), validated().id(), new float[] {1, 0}, new MembershipRule(0.9, 1000), TestVideos.NOW);

        List<MobView> all = service.mobs(ANYONE);

        assertThat(all).extracting(view -> view.mob().id()).containsExactly(large, small);
        assertThat(all.get(0).mob().size()).isEqualTo(3);
        assertThat(all.get(0).sampleThumbnails()).hasSize(3).allSatisfy(url -> assertThat(url.toString()).endsWith("thumbnail.jpg"));
        assertThat(service.mob(small, ANYONE).mob().size()).isEqualTo(1);
    }

    @Test
    void membersComeNewestFirstInPagesThatFollowTheCursor() {
        MobId mob = mob(new float[] {1, 0}, 5);
        List<VideoId> newestFirst = mobs.members(mob, Optional.empty(), 10);

        Page<VideoDetails> first = service.members(mob, ANYONE, Optional.empty(), 3);
        Page<VideoDetails> second = service.members(mob, ANYONE, first.nextCursor(), 3);

        List<VideoId> seen = new ArrayList<>();
        first.items().forEach(d -> seen.add(d.video().id()));
        second.items().forEach(d -> seen.add(d.video().id()));
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(second.nextCursor()).isEmpty();
        assertThat(first.items()).allSatisfy(d -> assertThat(d.mob()).contains(mob));
    }

    @Test
    void anUnknownMobABadCursorAndAnOutOfRangeLimitAreRefused() {
        MobId mob = mob(new float[] {1, 0}, 1);

        assertThatThrownBy(() -> service.mob(MobId.generate(), ANYONE)).isInstanceOf(MobNotFoundException.class);
        assertThatThrownBy(() -> service.members(MobId.generate(), ANYONE, Optional.empty(), 10)).isInstanceOf(MobNotFoundException.class);
        assertThatThrownBy(() -> service.members(mob, ANYONE, Optional.of("not-a-video"), 10)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> service.members(mob, ANYONE, Optional.empty(), 0)).isInstanceOf(InvalidValueException.class);
    }

    private MobId mob(float[] centre, int size) {
        MobId mob = null;
        for (int i = 0; i < size; i++) {
            Video video = validated();
            mob = mob == null ? mobs.createMobFor(vectors.space(), video.id(), centre, new MembershipRule(0.99, 1000), TestVideos.later(i))
                    : join(mob, video, centre, i);
        }
        return mob;
    }

    private MobId join(MobId mob, Video video, float[] centre, int i) {
        mobs.join(mob, video.id(), centre, 1.0, "joined", TestVideos.later(i));
        return mob;
    }

    private Video validated() {
        Video video = TestVideos.submitted("alice");
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        video.startProcessing(TestVideos.later(2));
        video.attachThumbnail(TestVideos.later(2));
        video.markAnalyzed(TestVideos.later(3));
        video.settleAs(VideoStatus.VALIDATED, TestVideos.later(4));
        return videos.saveVideo(video);
    }
}
