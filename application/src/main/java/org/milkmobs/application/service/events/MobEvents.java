package org.milkmobs.application.service.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.mob.MobStore;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MobChanges;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/**
 * Announces what happens to mobs, by wrapping the mob store (as {@link VideoEvents} wraps the video store): a mob a
 * new video founds is {@code mob.created}; a re-clustering's replacement is compared with the mobs before it by member
 * overlap ({@link MobChanges}: created, merged, split); a label that changes is {@code mob.relabelled}. Each event is
 * written in the same transaction as the change.
 */
public class MobEvents implements MobStore {

    private final MobStore mobs;
    private final EventOutbox outbox;
    private final Clock clock;

    public MobEvents(MobStore mobs, EventOutbox outbox, Clock clock) {
        this.mobs = mobs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public MobId createMobFor(String space, VideoId video, float[] vector, double joinSimilarity, Instant now) {
        MobId mob = mobs.createMobFor(space, video, vector, joinSimilarity, now);
        mobs.findMob(mob).filter(created -> created.createdAt().equals(now) && created.size() == 1)
                .ifPresent(created -> announce(EventType.MOB_CREATED, mob, Map.of("size", "1", "foundedBy", video.toString())));
        return mob;
    }

    @Override
    public int replaceClustering(String space, List<NewMob> clustering, Instant now) {
        Map<MobId, Set<VideoId>> before = new HashMap<>();
        for (MobSummary mob : mobs.listMobs(space)) {
            before.put(mob.id(), new HashSet<>(mobs.members(mob.id(), Optional.empty(), Integer.MAX_VALUE)));
        }
        int moved = mobs.replaceClustering(space, clustering, now);
        Map<MobId, Set<VideoId>> after = new HashMap<>();
        clustering.forEach(mob -> after.put(mob.id(), new HashSet<>(mob.members())));
        for (MobChanges.Change change : MobChanges.between(before, after)) {
            if (change instanceof MobChanges.Created created) {
                announce(EventType.MOB_CREATED, created.mob(), Map.of("size", String.valueOf(created.size())));
            } else if (change instanceof MobChanges.Merged merged) {
                announce(EventType.MOB_MERGED, merged.mob(), Map.of("size", String.valueOf(merged.size()), "from", ids(merged.from())));
            } else if (change instanceof MobChanges.Split split) {
                announce(EventType.MOB_SPLIT, split.mob(), Map.of("into", ids(split.into())));
            }
        }
        return moved;
    }

    @Override
    public void relabel(Map<MobId, String> labels) {
        Map<MobId, String> before = new HashMap<>();
        // a named mob shows its name, so a new computed label changes nothing anyone sees
        labels.keySet().forEach(id -> mobs.findMob(id).filter(mob -> mob.name().isEmpty()).ifPresent(mob -> before.put(id, mob.label())));
        mobs.relabel(labels);
        labels.forEach((id, label) -> {
            String previous = before.get(id);
            if (before.containsKey(id) && label != null && !label.equals(previous)) {
                Map<String, String> data = new LinkedHashMap<>();
                data.put("label", label);
                if (previous != null) {
                    data.put("previousLabel", previous);
                }
                announce(EventType.MOB_RELABELLED, id, data);
            }
        });
    }

    private void announce(EventType type, MobId mob, Map<String, String> details) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("mobId", mob.toString());
        data.putAll(details);
        outbox.append(type.wireName(), mob.toString(), data, clock.instant());
    }

    private static String ids(Set<MobId> ids) {
        return ids.stream().map(MobId::toString).sorted().collect(Collectors.joining(","));
    }

    // Everything else is the store's own.

    @Override
    public Optional<Nearest> nearestMob(String space, float[] vector) {
        return mobs.nearestMob(space, vector);
    }

    @Override
    public long countMobs(String space) {
        return mobs.countMobs(space);
    }

    @Override
    public void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now) {
        mobs.join(mob, video, vector, similarity, reason, now);
    }

    @Override
    public Optional<MobId> leave(VideoId video, String reason, Instant now) {
        return mobs.leave(video, reason, now);
    }

    @Override
    public Optional<MobId> mobOf(VideoId video) {
        return mobs.mobOf(video);
    }

    @Override
    public Map<VideoId, MobId> mobsOf(Collection<VideoId> videos) {
        return mobs.mobsOf(videos);
    }

    @Override
    public List<MobSummary> listMobs(String space) {
        return mobs.listMobs(space);
    }

    @Override
    public Optional<MobSummary> findMob(MobId id) {
        return mobs.findMob(id);
    }

    @Override
    public List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit) {
        return mobs.members(mob, afterVideo, limit);
    }

    @Override
    public Map<VideoId, float[]> memberVectors(String space) {
        return mobs.memberVectors(space);
    }

    @Override
    public boolean changedSince(String space, Instant since) {
        return mobs.changedSince(space, since);
    }

    @Override
    public Map<MobId, List<MemberTerms>> memberTerms(String space) {
        return mobs.memberTerms(space);
    }
}
