package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.GetVideoUseCase;
import org.milkmobs.application.port.in.GetVideoUseCase.GetVideoQuery;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.InMemoryValidationStore;
import org.milkmobs.application.testing.InMemoryVideoDetails;
import org.milkmobs.application.testing.InMemoryVideoStore;
import java.util.List;
import java.util.OptionalDouble;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Reading one video: who sees it at all, and who sees its pipeline progress. */
class GetVideoServiceTest {

    private static final Caller OWNER = Caller.consumer(new UserId("alice"));
    private static final Caller OTHER = Caller.consumer(new UserId("bob"));
    private static final Caller ADMIN = Caller.admin(new UserId("root"));

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final InMemoryAnalysisStore analyses = new InMemoryAnalysisStore();
    private final InMemoryNearDuplicateStore nearDuplicates = new InMemoryNearDuplicateStore();
    private final InMemoryVideoDetails reader = new InMemoryVideoDetails(videos, analyses, mobs, nearDuplicates);
    private final GetVideoUseCase get = new GetVideoService(reader, new VideoDetailsAssembler(
            new VideoUrls(new InMemoryBlobStorage(), new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(20),
                    Duration.ofHours(1))),
            workflows, reader, new InMemoryValidationStore()));

    @Test
    void theOwnerSeesAVideoInProcessingWithItsProgressAndPlayback() {
        Video video = processing();

        VideoDetails details = get.get(new GetVideoQuery(video.id(), OWNER));

        assertThat(details.video().id()).isEqualTo(video.id());
        assertThat(details.progress()).hasValueSatisfying(p -> assertThat(p.run()).isEqualTo(1));
        assertThat(details.playbackUrl()).hasValueSatisfying(url -> assertThat(url.toString()).contains(video.id().toString()));
        assertThat(details.thumbnailUrl()).as("no thumbnail yet").isEmpty();
        assertThat(get.get(new GetVideoQuery(video.id(), ADMIN)).progress()).isPresent();
    }

    @Test
    void othersSeeNoSuchVideoUntilItIsValidatedAndThenWithoutItsProgress() {
        Video video = processing();

        assertThatThrownBy(() -> get.get(new GetVideoQuery(video.id(), OTHER))).isInstanceOf(VideoNotFoundException.class);

        video.markAnalyzed(TestVideos.later(3));
        video.settleAs(VideoStatus.VALIDATED, TestVideos.later(4));
        videos.saveVideo(video);
        MobId mob = mobs.createMobFor(new MobSpace("space"), video.id(), new float[] {1, 0}, new MembershipRule(0.9, 1000), TestVideos.later(5));

        VideoDetails seen = get.get(new GetVideoQuery(video.id(), OTHER));
        assertThat(seen.video().status()).isEqualTo(VideoStatus.VALIDATED);
        assertThat(seen.progress()).isEmpty();
        assertThat(seen.validation()).isEmpty();
        assertThat(seen.mob()).contains(mob);
    }

    @Test
    void aReaderSeesTheAnalysisTheMobAndTheEarliestOriginalReadWithTheVideo() {
        Video original = validated(processing());
        Video video = validated(processing());
        Analysis analysis = new Analysis(video.id(), "local-v1", OptionalDouble.empty(), "MILK", "", List.of(), AudioHints.NO_AUDIO,
                TestVideos.later(3), List.of("white"));
        analyses.saveAnalysis(analysis);
        nearDuplicates.save(new NearDuplicatePair(video.id(), original.id(), 0.9, 0.95, TestVideos.later(6)));
        MobId mob = mobs.createMobFor(new MobSpace("space"), video.id(), new float[] {1, 0}, new MembershipRule(0.9, 1000), TestVideos.later(5));

        VideoDetails seen = get.get(new GetVideoQuery(video.id(), OTHER));

        assertThat(seen.analysis()).contains(analysis);
        assertThat(seen.mob()).contains(mob);
        assertThat(seen.nearDuplicateOf()).contains(original.id());
        assertThat(seen.progress()).as("not the reader's to inspect").isEmpty();
        assertThat(get.get(new GetVideoQuery(video.id(), OWNER)).progress()).isPresent();
    }

    @Test
    void aVideoThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> get.get(new GetVideoQuery(VideoId.generate(), ADMIN))).isInstanceOf(VideoNotFoundException.class);
    }

    private Video validated(Video video) {
        video.markAnalyzed(TestVideos.later(3));
        video.settleAs(VideoStatus.VALIDATED, TestVideos.later(4));
        return videos.saveVideo(video);
    }

    private Video processing() {
        Video video = TestVideos.submitted("alice");
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        video.startProcessing(TestVideos.later(2));
        Video stored = videos.saveVideo(video);
        workflows.start(stored.id(), 3, TestVideos.later(2));
        return stored;
    }
}
