package org.milkmobs.application.service.mob;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.mob.MobStore;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Mobs hold validated videos only, so everyone may see them and their members. */
public class MobsService implements MobsUseCase {

    private final MobStore mobs;
    private final VideoVectors vectors;
    private final LoadVideoPort loadVideo;
    private final VideoDetailsAssembler details;

    public MobsService(MobStore mobs, VideoVectors vectors, LoadVideoPort loadVideo, VideoDetailsAssembler details) {
        this.mobs = mobs;
        this.vectors = vectors;
        this.loadVideo = loadVideo;
        this.details = details;
    }

    @Override
    public List<MobView> mobs(Caller caller) {
        return mobs.listMobs(vectors.space()).stream()
                .sorted(Comparator.comparingInt(MobSummary::size).reversed().thenComparing(m -> m.id().value()))
                .map(mob -> view(mob, caller)).toList();
    }

    @Override
    public MobView mob(MobId id, Caller caller) {
        return view(mobs.findMob(id).orElseThrow(() -> new MobNotFoundException(id)), caller);
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
        List<VideoDetails> items = new ArrayList<>();
        for (VideoId member : more ? ids.subList(0, limit) : ids) {
            loadVideo.loadVideo(member).filter(v -> v.isVisibleTo(caller)).ifPresent(v -> items.add(details.of(v, caller)));
        }
        return Page.of(items, more ? ids.get(limit - 1).toString() : null);
    }

    private MobView view(MobSummary mob, Caller caller) {
        List<URI> thumbnails = new ArrayList<>();
        for (VideoId sample : mob.samples()) {
            loadVideo.loadVideo(sample).filter(Video::hasThumbnail)
                    .flatMap(v -> details.of(v, caller).thumbnailUrl()).ifPresent(thumbnails::add);
        }
        return new MobView(mob, thumbnails);
    }
}
