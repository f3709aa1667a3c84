package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/**
 * Listings over {@link InMemoryVideoStore}, with mobs from {@link InMemoryMobs} for the feed. The feed deals each mob's
 * members (newest member first) into rounds of {@code perMobPerRound}; videos in no mob are all in round 0. Unlike the table,
 * a membership has no time here, so the snapshot only cuts videos created after it.
 */
public class InMemoryVideoListing implements ListVideosPort {

    private static final Comparator<Video> NEWEST_FIRST = Comparator.comparing(Video::createdAt).thenComparing(Video::id).reversed();

    private final InMemoryVideoStore videos;
    private final InMemoryMobs mobs;
    private final MobSpace space;
    private InMemoryWorkflows workflows;

    public InMemoryVideoListing(InMemoryVideoStore videos, InMemoryMobs mobs, MobSpace space) {
        this.videos = videos;
        this.mobs = mobs;
        this.space = space;
    }

    /** Lets {@link #findWaitingForUpload} leave out videos whose workflow has started, as the table's query does. */
    public InMemoryVideoListing withWorkflows(InMemoryWorkflows started) {
        this.workflows = started;
        return this;
    }

    @Override
    public List<Video> listVideos(VideoFilter filter, Optional<Position> after, int limit) {
        return videos.all().stream()
                .filter(v -> filter.owner().isEmpty() || v.owner().equals(filter.owner().get()))
                .filter(v -> filter.statuses().isEmpty() || filter.statuses().contains(v.status()))
                .filter(v -> filter.createdFrom().isEmpty() || !v.createdAt().isBefore(filter.createdFrom().get()))
                .filter(v -> filter.createdTo().isEmpty() || v.createdAt().isBefore(filter.createdTo().get()))
                .filter(v -> after.isEmpty() || before(v, after.get().createdAt(), after.get().id()))
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<FeedEntry> feed(Instant snapshot, int perMobPerRound, Optional<FeedPosition> after, int limit) {
        List<FeedEntry> entries = new ArrayList<>();
        Set<VideoId> inMobs = new java.util.HashSet<>();
        for (MobSummary mob : mobs.listMobs(space)) {
            int rank = 0;
            for (VideoId member : mobs.members(mob.id(), Optional.empty(), Integer.MAX_VALUE)) {
                inMobs.add(member);
                Optional<Video> video = feedable(member, snapshot);
                if (video.isPresent()) {
                    entries.add(new FeedEntry(video.get(), Optional.of(mob.id()), rank++ / perMobPerRound));
                }
            }
        }
        videos.all().stream().filter(v -> !inMobs.contains(v.id())).map(Video::id).map(id -> feedable(id, snapshot))
                .flatMap(Optional::stream).forEach(v -> entries.add(new FeedEntry(v, Optional.<MobId>empty(), 0)));
        Comparator<FeedEntry> order = Comparator.comparingInt(FeedEntry::round)
                .thenComparing(e -> e.video(), NEWEST_FIRST);
        return entries.stream()
                .filter(e -> after.isEmpty() || e.round() > after.get().round()
                        || e.round() == after.get().round() && before(e.video(), after.get().createdAt(), after.get().id()))
                .sorted(order).limit(limit).toList();
    }

    @Override
    public List<Video> findVideos(Collection<VideoId> ids) {
        return ids.stream().distinct().map(videos::loadVideo).flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<VideoId> findAnalysedByContent(ContentHash hash, VideoId excluding) {
        return videos.all().stream()
                .filter(v -> !v.id().equals(excluding) && Set.of(VideoStatus.ANALYZED, VideoStatus.VALIDATED, VideoStatus.REJECTED, VideoStatus.IN_REVIEW).contains(v.status()))
                .filter(v -> v.media().map(m -> m.contentHash().equals(hash)).orElse(false))
                .min(Comparator.comparing(Video::createdAt)).map(Video::id);
    }

    /** A video still SUBMITTED with no workflow (when given {@link #withWorkflows}; otherwise any still SUBMITTED). */
    @Override
    public List<Video> findWaitingForUpload(Instant before, int limit) {
        return videos.all().stream().filter(v -> v.status() == VideoStatus.SUBMITTED && v.createdAt().isBefore(before))
                .filter(v -> workflows == null || workflows.lock(v.id()).isEmpty())
                .sorted(Comparator.comparing(Video::createdAt)).limit(limit).toList();
    }

    private Optional<Video> feedable(VideoId id, Instant snapshot) {
        return videos.loadVideo(id).filter(v -> v.status() == VideoStatus.VALIDATED && !v.createdAt().isAfter(snapshot));
    }

    private static boolean before(Video video, Instant createdAt, VideoId id) {
        return video.createdAt().isBefore(createdAt) || video.createdAt().equals(createdAt) && video.id().compareTo(id) < 0;
    }
}
