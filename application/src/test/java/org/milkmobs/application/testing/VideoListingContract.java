package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.ListVideosPort.Position;
import org.milkmobs.application.port.out.ListVideosPort.VideoFilter;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Reads of many videos as listings and the upload sweeper rely on them: newest first with keyset pages that neither skip
 * nor repeat, filters by owner, status and creation range, lookups by id, and the submissions still waiting for an
 * upload. Run on the twin and on PostgreSQL; each test lists an owner of its own, and the sweeper's test works years
 * before the others. The feed is not here: the twin's memberships have no time (see {@code InMemoryVideoListing}).
 */
public abstract class VideoListingContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    protected abstract SaveVideoPort videos();

    protected abstract ListVideosPort listing();

    protected abstract WorkflowPort workflows();

    private final UserId owner = new UserId("lister-" + UUID.randomUUID());

    @Test
    void aListingIsNewestFirstAndItsPagesNeitherSkipNorRepeat() {
        List<Video> saved = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            saved.add(save(NOW.plusSeconds(i)));
        }
        saved.add(save(NOW.plusSeconds(2))); // a tie on creation time, ordered by id
        List<VideoId> newestFirst = saved.stream().sorted(Comparator.comparing(Video::createdAt)
                .thenComparing(v -> v.id().value().toString()).reversed()).map(Video::id).toList();

        assertThat(list(ofOwner(), Optional.empty(), 10)).containsExactlyElementsOf(newestFirst);
        List<VideoId> paged = new ArrayList<>();
        Optional<Position> after = Optional.empty();
        for (int page = 0; page < 4; page++) {
            List<VideoId> videos = list(ofOwner(), after, 2);
            paged.addAll(videos);
            if (videos.isEmpty()) {
                break;
            }
            Video last = saved.stream().filter(v -> v.id().equals(videos.get(videos.size() - 1))).findFirst().orElseThrow();
            after = Optional.of(new Position(last.createdAt(), last.id()));
        }
        assertThat(paged).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersSelectByStatusAndAHalfOpenCreationRange() {
        Video first = save(NOW);
        Video second = save(NOW.plusSeconds(10));
        Video third = save(NOW.plusSeconds(20));

        assertThat(list(new VideoFilter(Optional.of(owner), Set.of(), Optional.of(NOW.plusSeconds(10)), Optional.of(NOW.plusSeconds(20))),
                Optional.empty(), 10)).containsExactly(second.id());
        assertThat(list(new VideoFilter(Optional.of(owner), Set.of(VideoStatus.SUBMITTED), Optional.empty(), Optional.empty()),
                Optional.empty(), 10)).containsExactly(third.id(), second.id(), first.id());
        assertThat(list(new VideoFilter(Optional.of(owner), Set.of(VideoStatus.VALIDATED, VideoStatus.REJECTED), Optional.empty(),
                Optional.empty()), Optional.empty(), 10)).isEmpty();
        assertThat(list(new VideoFilter(Optional.of(new UserId("x'OR'1'='1")), Set.of(), Optional.empty(), Optional.empty()),
                Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aLookupFindsTheVideosThatExistOnce() {
        Video one = save(NOW);
        Video two = save(NOW);

        assertThat(inTransaction(() -> listing().findVideos(List.of(one.id(), VideoId.generate(), two.id(), one.id()))))
                .extracting(Video::id).containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(inTransaction(() -> listing().findVideos(List.of()))).isEmpty();
    }

    @Test
    void submissionsWaitingForAnUploadAreThoseWithNoWorkflowOldestFirst() {
        Instant longAgo = Instant.parse("2019-01-01T00:00:00Z");
        Video oldest = save(longAgo);
        Video next = save(longAgo.plusSeconds(60));
        Video started = save(longAgo.plusSeconds(120));
        save(longAgo.plusSeconds(3600));
        inTransaction(() -> {
            workflows().start(started.id(), 3, longAgo.plusSeconds(130));
            return null;
        });

        assertThat(inTransaction(() -> listing().findWaitingForUpload(longAgo.plusSeconds(3600), 10))).extracting(Video::id)
                .containsExactly(oldest.id(), next.id());
        assertThat(inTransaction(() -> listing().findWaitingForUpload(longAgo.plusSeconds(3600), 1))).extracting(Video::id)
                .containsExactly(oldest.id());
    }

    private Video save(Instant createdAt) {
        return inTransaction(() -> videos().saveVideo(Video.submit(VideoId.generate(), owner, new Title("Milk mob"),
                new Description("Pouring milk"), Hashtags.of("#MilkMob"), createdAt)));
    }

    private VideoFilter ofOwner() {
        return new VideoFilter(Optional.of(owner), Set.of(), Optional.empty(), Optional.empty());
    }

    private List<VideoId> list(VideoFilter filter, Optional<Position> after, int limit) {
        return inTransaction(() -> listing().listVideos(filter, after, limit)).stream().map(Video::id).toList();
    }
}
