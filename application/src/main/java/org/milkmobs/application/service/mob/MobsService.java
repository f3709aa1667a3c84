package org.milkmobs.application.service.mob;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Mobs hold validated videos only, so everyone may see them and their members. */
public class MobsService implements MobsUseCase {

    private final LoadMobsPort mobs;
    private final VideoVectors vectors;
    private final ListVideosPort videos;
    private final VideoDetailsAssembler details;

    public MobsService(LoadMobsPort mobs, VideoVectors vectors, ListVideosPort videos, VideoDetailsAssembler details) {
        this.mobs = mobs;
        this.vectors = vectors;
        this.videos = videos;
        this.details = details;
    }

    @Override
    public List<MobView> mobs(Caller caller) {
        List<MobSummary> all = mobs.listMobs(vectors.space()).stream()
                .sorted(Comparator.comparingInt(MobSummary::size).reversed().thenComparing(m -> m.id().value())).toList();
        return views(all);
    }

    @Override
    public MobView mob(MobId id, Caller caller) {
        return views(List.of(mobs.findMob(id).orElseThrow(() -> new MobNotFoundException(id)))).get(0);
    }

    @Override
    public Page<VideoDetails> members(MobId id, Caller caller, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidValueException("limit", "limit must be between 1 and 100, got " + limit);
        }
        mobs.findMob(id).orElseThrow(() -> new MobNotFoundException(id));
        Optional<VideoId> after = cursor.map(c -> {
            try {
                return VideoId.parse(c);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("cursor", "the cursor is not one this API returned");
            }
        });
        List<VideoId> ids = mobs.members(id, after, limit + 1);
        boolean more = ids.size() > limit;
        List<VideoId> page = more ? ids.subList(0, limit) : ids;
        Map<VideoId, Video> found = byId(page);
        List<Video> visible = page.stream().map(found::get).filter(v -> v != null && v.isVisibleTo(caller)).toList();
        return Page.of(details.ofAll(visible, caller), more ? ids.get(limit - 1).toString() : null);
    }

    /** Every mob's sample thumbnails from one read of all the samples. */
    private List<MobView> views(List<MobSummary> summaries) {
        Map<VideoId, Video> samples = byId(summaries.stream().flatMap(m -> m.samples().stream()).toList());
        return summaries.stream().map(mob -> {
            List<URI> thumbnails = new ArrayList<>();
            for (VideoId sample : mob.samples()) {
                Optional.ofNullable(samples.get(sample)).filter(Video::hasThumbnail).flatMap(details::thumbnailOf).ifPresent(thumbnails::add);
            }
            return new MobView(mob, thumbnails);
        }).toList();
    }

    private Map<VideoId, Video> byId(List<VideoId> ids) {
        return ids.isEmpty() ? Map.of() : videos.findVideos(ids).stream().collect(Collectors.toMap(Video::id, Function.identity()));
    }
}
