package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.video.ListVideosUseCase;
import org.milkmobs.application.port.in.video.ListVideosUseCase.ListVideosQuery;
import org.milkmobs.application.testing.InMemoryAnalysisStore;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.application.testing.InMemoryValidationStore;
import org.milkmobs.application.testing.InMemoryVideoDetails;
import org.milkmobs.application.testing.InMemoryVideoListing;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Listings: consumers get their own videos, admins anyone's; newest first, in pages that follow a cursor. */
class ListVideosServiceTest {

    private static final Caller ALICE = Caller.consumer(new UserId("alice"));
    private static final Caller ADMIN = Caller.admin(new UserId("root"));

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryMobs mobs = new InMemoryMobs();
    private final ListVideosUseCase list = new ListVideosService(new InMemoryVideoListing(videos, mobs, new MobSpace("space")), new VideoDetailsAssembler(
            new VideoUrls(new InMemoryBlobStorage(), new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(20),
                    Duration.ofHours(1))),
            new InMemoryWorkflows(), new InMemoryVideoDetails(videos, new InMemoryAnalysisStore(), mobs, new InMemoryNearDuplicateStore()),
            new InMemoryValidationStore()));

    @Test
    void aConsumerPagesThroughTheirOwnVideosNewestFirstWithoutRepeatsOrGaps() {
        List<VideoId> alices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alices.add(0, store("alice", i).id());
            store("bob", i);
        }

        Page<VideoDetails> first = list.list(query(ALICE, Optional.empty(), Set.of(), Optional.empty(), 2));
        Page<VideoDetails> second = list.list(query(ALICE, Optional.empty(), Set.of(), first.nextCursor(), 2));
        Page<VideoDetails> last = list.list(query(ALICE, Optional.empty(), Set.of(), second.nextCursor(), 2));

        List<VideoId> seen = new ArrayList<>();
        List.of(first, second, last).forEach(page -> page.items().forEach(item -> seen.add(item.video().id())));
        assertThat(seen).containsExactlyElementsOf(alices);
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void anAdminListsAnyonesVideosByStatusAndAConsumerMayNotListSomeoneElses() {
        store("alice", 0);
        Video bobs = store("bob", 1);

        Page<VideoDetails> page = list.list(query(ADMIN, Optional.of(new UserId("bob")), Set.of(VideoStatus.SUBMITTED), Optional.empty(), 10));

        assertThat(page.items()).extracting(d -> d.video().id()).containsExactly(bobs.id());
        assertThat(list.list(query(ADMIN, Optional.empty(), Set.of(VideoStatus.VALIDATED), Optional.empty(), 10)).items()).isEmpty();
        assertThatThrownBy(() -> list.list(query(ALICE, Optional.of(new UserId("bob")), Set.of(), Optional.empty(), 10)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(list.list(query(ALICE, Optional.of(new UserId("alice")), Set.of(), Optional.empty(), 10)).items()).hasSize(1);
    }

    @Test
    void aCursorThisApiDidNotReturnAndAnOutOfRangeLimitAreRefused() {
        assertThatThrownBy(() -> list.list(query(ALICE, Optional.empty(), Set.of(), Optional.of("bm90LWEtY3Vyc29y"), 10)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("cursor");
        assertThatThrownBy(() -> query(ALICE, Optional.empty(), Set.of(), Optional.empty(), 101)).isInstanceOf(InvalidValueException.class);
    }

    private Video store(String owner, int minute) {
        Instant at = TestVideos.NOW.plus(Duration.ofMinutes(minute));
        return videos.saveVideo(Video.submit(VideoId.generate(), new UserId(owner), new Title("pour " + minute), Description.EMPTY,
                Hashtags.NONE, at));
    }

    private static ListVideosQuery query(Caller caller, Optional<UserId> owner, Set<VideoStatus> statuses, Optional<String> cursor, int limit) {
        return new ListVideosQuery(caller, owner, statuses, Optional.empty(), Optional.empty(), cursor, limit);
    }
}
