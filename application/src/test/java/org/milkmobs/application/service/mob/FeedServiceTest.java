package org.milkmobs.application.service.mob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.mob.FeedUseCase;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.application.service.video.VideoUrls;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.InMemoryValidationStore;
import org.milkmobs.application.testing.InMemoryVideoDetails;
import org.milkmobs.application.testing.InMemoryVideoListing;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** The feed: validated videos spread across mobs, and later pages cut from the first page's snapshot. */
class FeedServiceTest {

    private static final Caller ANYONE = Caller.consumer(new UserId("carol"));

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final FeedUseCase feed = new FeedService(new InMemoryVideoListing(videos, mobs, new MobSpace("space")), new VideoDetailsAssembler(
            new VideoUrls(new InMemoryBlobStorage(), new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(20),
                    Duration.ofHours(1))),
            new InMemoryWorkflows(), new InMemoryVideoDetails(videos, new InMemoryAnalysisStore(), mobs, new InMemoryNearDuplicateStore()),
            new InMemoryValidationStore()),
            1, clock);

    @Test
    void aBusyMobDoesNotFillThePageEveryMobHasItsTurnFirst() {
        MobId busy = null;
        for (int i = 0; i < 4; i++) {
            busy = member(busy, new float[] {1, 0});
        }
        MobId quiet = member(null, new float[] {0, 1});

        Page<VideoDetails> page = feed.feed(ANYONE, Optional.empty(), 2);

        assertThat(page.items()).extracting(d -> d.mob().orElseThrow()).containsExactlyInAnyOrder(busy, quiet);
        assertThat(page.nextCursor()).isPresent();
    }

    @Test
    void laterPagesContinueTheFirstPagesOrderAndVideosValidatedMeanwhileWaitForAFreshFeed() {
        List<VideoId> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(validated().id());
        }
        Page<VideoDetails> first = feed.feed(ANYONE, Optional.empty(), 2);
        clock.advance(Duration.ofMinutes(10));
        Video arrivedLater = validated();

        List<VideoId> seen = new ArrayList<>();
        first.items().forEach(d -> seen.add(d.video().id()));
        Optional<String> cursor = first.nextCursor();
        while (cursor.isPresent()) {
            Page<VideoDetails> next = feed.feed(ANYONE, cursor, 2);
            next.items().forEach(d -> seen.add(d.video().id()));
            cursor = next.nextCursor();
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all).doesNotContain(arrivedLater.id());
        assertThat(feed.feed(ANYONE, Optional.empty(), 1).items()).extracting(d -> d.video().id()).containsExactly(arrivedLater.id());
    }

    @Test
    void videosNotYetValidatedAreNotInTheFeedAndBadRequestsAreRefused() {
        videos.saveVideo(Video.submit(VideoId.generate(), new UserId("alice"), new Title("pour"), Description.EMPTY, Hashtags.NONE,
                clock.instant()));

        assertThat(feed.feed(ANYONE, Optional.empty(), 10).items()).isEmpty();
        assertThatThrownBy(() -> feed.feed(ANYONE, Optional.of("!!"), 10)).isInstanceOf(InvalidValueException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> feed.feed(ANYONE, Optional.empty(), 101)).isInstanceOf(InvalidValueException.class);
    }

    private MobId member(MobId mob, float[] vector) {
        Video video = validated();
        if (mob == null) {
            return mobs.createMobFor(new MobSpace("space"), video.id(), vector, new MembershipRule(0.99, 1000), clock.instant());
        }
        mobs.join(mob, video.id(), vector, 1.0, "joined", clock.instant());
        return mob;
    }

    private Video validated() {
        clock.advance(Duration.ofSeconds(1));
        Video video = Video.submit(VideoId.generate(), new UserId("alice"), new Title("pour"), Description.EMPTY, Hashtags.NONE, clock.instant());
        video.markUploaded(org.milkmobs.application.testing.TestVideos.mediaFacts(), clock.instant());
        video.startProcessing(clock.instant());
        video.markAnalyzed(clock.instant());
        video.settleAs(VideoStatus.VALIDATED, clock.instant());
        return videos.saveVideo(video);
    }
}
