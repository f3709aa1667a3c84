package org.milkmobs.application.service.events;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.mob.MobClusteringPort;
import org.milkmobs.application.port.out.mob.MobMembershipPort;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MobChanges;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.NearestMob;
import org.milkmobs.domain.video.VideoId;

/**
 * Announces what happens to mobs, by wrapping mob membership and clustering (as {@link VideoEvents} wraps the video store): a mob a
 * new video founds is {@code mob.created}; a re-clustering's replacement is compared with the mobs before it by member
 * overlap ({@link MobChanges}: created, merged, split); a label that changes is {@code mob.relabelled}. Each event is
 * written in the same transaction as the change.
 */
public class MobEvents implements MobMembershipPort, MobClusteringPort {

    private final LoadMobsPort mobs;
    private final MobMembershipPort membership;
    private final MobClusteringPort clustering;
    private final EventOutbox outbox;
    private final Clock clock;

    public MobEvents(LoadMobsPort mobs, MobMembershipPort membership, MobClusteringPort clustering, EventOutbox outbox, Clock clock) {
        this.mobs = mobs;
        this.membership = membership;
        this.clustering = clustering;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public MobId createMobFor(MobSpace space, VideoId video, float[] vector, MembershipRule rule, Instant now) {
        MobId mob = membership.createMobFor(space, video, vector, rule, now);
        mobs.findMob(mob).filter(created -> created.createdAt().equals(now) && created.size() == 1)
                .ifPresent(created -> announce(EventType.MOB_CREATED, mob, Map.of("size", "1", "foundedBy", video.toString())));
        return mob;
    }

    @Override
    public int replaceClustering(MobSpace space, List<NewMob> replacement, Instant now) {
        Map<MobId, Set<VideoId>> before = new HashMap<>();
        for (MobSummary mob : mobs.listMobs(space)) {
            before.put(mob.id(), new HashSet<>(mobs.members(mob.id(), Optional.empty(), Integer.MAX_VALUE)));
        }
        int moved = clustering.replaceClustering(space, replacement, now);
        Map<MobId, Set<VideoId>> after = new HashMap<>();
        replacement.forEach(mob -> after.put(mob.id(), new HashSet<>(mob.members())));
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
        clustering.relabel(labels);
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

    // Everything else is the stores' own.

    @Override
    public Optional<NearestMob> nearestMob(MobSpace space, float[] vector) {
        return membership.nearestMob(space, vector);
    }

    @Override
    public long countMobs(MobSpace space) {
        return membership.countMobs(space);
    }

    @Override
    public void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now) {
        membership.join(mob, video, vector, similarity, reason, now);
    }

    @Override
    public Optional<MobId> leave(VideoId video, String reason, Instant now) {
        return membership.leave(video, reason, now);
    }

    @Override
    public Map<VideoId, float[]> memberVectors(MobSpace space) {
        return clustering.memberVectors(space);
    }

    @Override
    public boolean changedSince(MobSpace space, Instant since) {
        return clustering.changedSince(space, since);
    }

    @Override
    public Map<MobId, List<MemberTerms>> memberTerms(MobSpace space) {
        return clustering.memberTerms(space);
    }
}
