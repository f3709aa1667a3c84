package org.milkmobs.adapters.persistence.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.port.out.ListVideosPort.FeedEntry;
import org.milkmobs.application.port.out.ListVideosPort.FeedPosition;
import org.milkmobs.application.port.out.ListVideosPort.Position;
import org.milkmobs.application.port.out.ListVideosPort.VideoFilter;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

class VideoListingTest extends PersistenceTest {

    private final VideoListingAdapter listing = new VideoListingAdapter(em);
    private final VideoPersistenceAdapter videos = new VideoPersistenceAdapter(em);

    private Video save(String owner, Instant createdAt, VideoStatus target) {
        Video video = Video.submit(VideoId.generate(), new UserId(owner), new Title("v"), Description.EMPTY, Hashtags.NONE, createdAt);
        if (target != VideoStatus.SUBMITTED) {
            video.markUploaded(TestVideos.mediaFacts(), createdAt);
            video.startProcessing(createdAt);
            video.markAnalyzed(createdAt);
            video.decide(target == VideoStatus.VALIDATED, createdAt);
        }
        return tx(() -> videos.saveVideo(video));
    }

    @Test
    void listingsPageNewestFirstWithoutDuplicatesOrGapsWhileVideosArrive() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        List<Video> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // three videos share each timestamp, so the id breaks ties
            expected.add(save("alice", t0.plusSeconds(i / 3), VideoStatus.SUBMITTED));
        }
        save("bob", t0, VideoStatus.SUBMITTED);
        VideoFilter alice = new VideoFilter(Optional.of(new UserId("alice")), Set.of(), Optional.empty(), Optional.empty());

        List<VideoId> seen = new ArrayList<>();
        Optional<Position> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            Optional<Position> cursor = after;
            List<Video> found = tx(() -> listing.listVideos(alice, cursor, 7));
            found.forEach(v -> seen.add(v.id()));
            if (found.size() < 7) {
                break;
            }
            Video last = found.get(found.size() - 1);
            after = Optional.of(new Position(last.createdAt(), last.id()));
            // a newer video arriving mid-paging does not disturb the pages after the cursor
            save("alice", t0.plusSeconds(3600), VideoStatus.SUBMITTED);
        }

        List<VideoId> newestFirst = expected.stream()
                .sorted(Comparator.comparing(Video::createdAt).thenComparing(Video::id).reversed())
                .map(Video::id)
                .toList();
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersByStatusAndCreationTime() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        Video early = save("carol", t0, VideoStatus.VALIDATED);
        Video rejected = save("carol", t0.plusSeconds(10), VideoStatus.REJECTED);
        Video late = save("carol", t0.plusSeconds(20), VideoStatus.VALIDATED);

        assertThat(tx(() -> listing.listVideos(new VideoFilter(Optional.empty(), Set.of(VideoStatus.VALIDATED), Optional.empty(),
                Optional.empty()), Optional.empty(), 10))).extracting(Video::id).containsExactly(late.id(), early.id());
        assertThat(tx(() -> listing.listVideos(new VideoFilter(Optional.empty(), Set.of(), Optional.of(t0.plusSeconds(5)),
                Optional.of(t0.plusSeconds(20))), Optional.empty(), 10))).extracting(Video::id).containsExactly(rejected.id());
    }

    @Test
    void aLookalikeSqlInjectionInAFilterFindsNothingAndBreaksNothing() {
        save("dave", Instant.parse("2026-11-20T10:00:00Z"), VideoStatus.SUBMITTED);

        assertThat(tx(() -> listing.listVideos(new VideoFilter(Optional.of(new UserId("x'OR'1'='1")), Set.of(), Optional.empty(),
                Optional.empty()), Optional.empty(), 10))).isEmpty();
        assertThat(tx(() -> listing.listVideos(VideoFilter.all(), Optional.empty(), 10))).hasSize(1);
    }

    @Test
    void theFeedSpreadsMobsAcrossRoundsAndPagesWithoutDuplicatesOrGaps() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        MobId busy = MobId.generate();
        MobId quiet = MobId.generate();
        database.execute("INSERT INTO mob (id, space, centroid_sum, size, created_at, updated_at) VALUES ('" + busy
                + "', 's', '[1,0]', 0, now(), now()), ('" + quiet + "', 's', '[0,1]', 0, now(), now())");
        Map<VideoId, MobId> mobOf = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            Video v = save("u" + i, t0.plusSeconds(100 + i), VideoStatus.VALIDATED);
            member(v.id(), busy, t0);
            mobOf.put(v.id(), busy);
        }
        for (int i = 0; i < 3; i++) {
            Video v = save("q" + i, t0.plusSeconds(i), VideoStatus.VALIDATED);
            member(v.id(), quiet, t0);
            mobOf.put(v.id(), quiet);
        }
        save("rejected", t0.plusSeconds(500), VideoStatus.REJECTED);
        Instant snapshot = t0.plusSeconds(1000);

        List<FeedEntry> all = new ArrayList<>();
        Optional<FeedPosition> after = Optional.empty();
        while (true) {
            Optional<FeedPosition> cursor = after;
            List<FeedEntry> page = tx(() -> listing.feed(snapshot, 3, cursor, 4));
            all.addAll(page);
            if (page.size() < 4) {
                break;
            }
            FeedEntry last = page.get(page.size() - 1);
            after = Optional.of(new FeedPosition(last.round(), last.video().createdAt(), last.video().id()));
            // new videos after the snapshot do not shift the pages still to come
            Video fresh = save("late", snapshot.plusSeconds(60), VideoStatus.VALIDATED);
            member(fresh.id(), busy, snapshot.plusSeconds(60));
        }

        Set<VideoId> unique = new HashSet<>();
        all.forEach(e -> unique.add(e.video().id()));
        assertThat(unique).as("no duplicates").hasSize(all.size());
        assertThat(unique).as("no gaps: every validated video up to the snapshot, nothing else").isEqualTo(mobOf.keySet());
        // diversity: the first round has 3 of the busy mob and all 3 of the quiet one, not 6 of the busy mob
        List<FeedEntry> firstRound = all.subList(0, 6);
        assertThat(firstRound).filteredOn(e -> e.mob().orElseThrow().equals(quiet)).hasSize(3);
        assertThat(firstRound).filteredOn(e -> e.mob().orElseThrow().equals(busy)).hasSize(3);
        for (int round = 0; round < all.size() - 1; round++) {
            FeedEntry a = all.get(round);
            FeedEntry b = all.get(round + 1);
            assertThat(a.round() < b.round() || (a.round() == b.round() && !a.video().createdAt().isBefore(b.video().createdAt())))
                    .as("ordered by round, then newest first").isTrue();
        }
    }

    @Test
    void theStoredFeedOrderReachesDeepRoundsAcrossHolesAndKeepsVideosInNoMobInTheFirstRound() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        MobId only = MobId.generate();
        database.execute("INSERT INTO mob (id, space, centroid_sum, size, created_at, updated_at) VALUES ('" + only
                + "', 's', '[1,0]', 0, now(), now())");
        List<VideoId> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Video v = save("m" + i, t0.plusSeconds(i), VideoStatus.VALIDATED);
            member(v.id(), only, t0);
            members.add(v.id());
        }
        // a hole in the middle of the mob's numbering (a member deleted), and a validated video no mob holds yet
        VideoId deleted = members.remove(7);
        assertThat(tx(() -> videos.deleteVideo(deleted))).as("the delete cascades through the feed's trigger").isTrue();
        Video loner = save("loner", t0.plusSeconds(5), VideoStatus.VALIDATED);
        Instant snapshot = t0.plusSeconds(1000);

        // one mob, one per round: every page lies rounds beyond the first window
        List<FeedEntry> all = new ArrayList<>();
        Optional<FeedPosition> after = Optional.empty();
        while (true) {
            Optional<FeedPosition> cursor = after;
            List<FeedEntry> page = tx(() -> listing.feed(snapshot, 1, cursor, 4));
            all.addAll(page);
            if (page.size() < 4) {
                break;
            }
            FeedEntry last = page.get(page.size() - 1);
            after = Optional.of(new FeedPosition(last.round(), last.video().createdAt(), last.video().id()));
        }

        List<VideoId> expected = new ArrayList<>(members);
        java.util.Collections.reverse(expected);
        expected.add(1, loner.id());
        assertThat(all).extracting(e -> e.video().id()).as("newest member, then the loner (round 0), then a member per round")
                .containsExactlyElementsOf(expected);
        assertThat(all.get(1).mob()).isEmpty();
        assertThat(all.get(1).round()).isZero();
    }

    @Test
    void anUploadWaitingInReviewCountsAsAnalysedOneStillProcessingDoesNot() {
        Instant t0 = Instant.parse("2026-11-21T10:00:00Z");
        MediaFacts base = TestVideos.mediaFacts();
        ContentHash hash = new ContentHash("5".repeat(64));
        MediaFacts facts = new MediaFacts(base.container(), base.videoCodec(), base.audioCodec(), base.durationSeconds(), base.width(),
                base.height(), base.sizeBytes(), hash);
        Video processing = Video.submit(VideoId.generate(), new UserId("hana"), new Title("v"), Description.EMPTY, Hashtags.NONE, t0);
        processing.markUploaded(facts, t0);
        processing.startProcessing(t0);
        tx(() -> videos.saveVideo(processing));
        assertThat(tx(() -> listing.findAnalysedByContent(hash, VideoId.generate()))).as("its analysis is not done").isEmpty();

        Video inReview = Video.submit(VideoId.generate(), new UserId("ivan"), new Title("v"), Description.EMPTY, Hashtags.NONE,
                t0.plusSeconds(5));
        inReview.markUploaded(facts, t0.plusSeconds(5));
        inReview.startProcessing(t0.plusSeconds(5));
        inReview.markAnalyzed(t0.plusSeconds(5));
        inReview.settleAs(VideoStatus.IN_REVIEW, t0.plusSeconds(5));
        tx(() -> videos.saveVideo(inReview));

        assertThat(tx(() -> listing.findAnalysedByContent(hash, VideoId.generate()))).contains(inReview.id());
    }

    @Test
    void findsAnAnalysedUploadWithTheSameBytesAndWaitingSubmissions() {
        Instant t0 = Instant.parse("2026-11-20T10:00:00Z");
        Video original = save("erin", t0, VideoStatus.VALIDATED);
        Video copy = save("frank", t0.plusSeconds(5), VideoStatus.SUBMITTED);
        Video waiting = save("gina", t0.plusSeconds(10), VideoStatus.SUBMITTED);
        database.execute("INSERT INTO workflow (video_id, status, started_at) VALUES ('" + copy.id() + "', 'RUNNING', now())");
        ContentHash hash = TestVideos.mediaFacts().contentHash();

        assertThat(tx(() -> listing.findAnalysedByContent(hash, copy.id()))).contains(original.id());
        assertThat(tx(() -> listing.findAnalysedByContent(hash, original.id()))).as("a video is no duplicate of itself").isEmpty();
        assertThat(tx(() -> listing.findAnalysedByContent(new ContentHash("1".repeat(64)), copy.id()))).isEmpty();
        assertThat(tx(() -> listing.findWaitingForUpload(t0.plusSeconds(60), 10))).extracting(Video::id)
                .as("submitted without a workflow").containsExactly(waiting.id());
        assertThat(tx(() -> listing.findWaitingForUpload(t0.plusSeconds(10), 10))).as("not yet old enough").isEmpty();
    }

    @Test
    void deletingAVideoRemovesItsRowsAndIsIdempotent() {
        Video video = save("hank", Instant.parse("2026-11-20T10:00:00Z"), VideoStatus.VALIDATED);
        database.execute("INSERT INTO workflow (video_id, status, started_at) VALUES ('" + video.id() + "', 'RUNNING', now())");

        assertThat(tx(() -> videos.deleteVideo(video.id()))).isTrue();
        assertThat(tx(() -> videos.deleteVideo(video.id()))).isFalse();
        assertThat(tx(() -> videos.loadVideo(video.id()))).isEmpty();
        assertThat(count("SELECT count(*) FROM workflow WHERE video_id = '" + video.id() + "'")).isZero();
    }

    private void member(VideoId video, MobId mob, Instant at) {
        database.execute("INSERT INTO mob_member (video_id, mob_id, vector, similarity, assigned_at) VALUES ('" + video + "', '" + mob
                + "', '[1,0]', 1, '" + at + "')");
    }

    private long count(String sql) {
        return tx(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

}
