package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.mob.MobClusteringPort;
import org.milkmobs.application.port.out.mob.MobMembershipPort;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.NearestMob;
import org.milkmobs.domain.video.VideoId;

/**
 * The in-memory twin of the three mob ports, as the SQL adapter keeps them: a mob holds the sum of its members' unit
 * vectors, an empty mob is dissolved, a re-clustering keeps the labels and names of the ids that survive.
 */
public class InMemoryMobs implements LoadMobsPort, MobMembershipPort, MobClusteringPort {

    private static final int SAMPLES = 4;

    private static final class Mob {
        final MobId id;
        final MobSpace space;
        final Map<VideoId, Member> members = new LinkedHashMap<>();
        float[] sum;
        String label = "";
        MobName name;
        final Instant createdAt;
        Instant updatedAt;

        Mob(MobId id, MobSpace space, int dimension, Instant now) {
            this.id = id;
            this.space = space;
            this.sum = new float[dimension];
            this.createdAt = now;
            this.updatedAt = now;
        }
    }

    private record Member(VideoId video, float[] unit, double similarity, Instant assignedAt) {
    }

    private final Map<MobId, Mob> mobs = new LinkedHashMap<>();
    private final Map<VideoId, MobId> mobOf = new HashMap<>();
    private final Map<VideoId, MemberTerms> terms = new HashMap<>();
    private int changes;
    private final List<String> history = new ArrayList<>();

    /** Each membership change as "video reason mob", oldest first (what the SQL adapter's mob history keeps). */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    /** What the video's hashtags, on-screen text and look say, for {@link #memberTerms}. */
    public synchronized void describe(VideoId video, MemberTerms memberTerms) {
        terms.put(video, memberTerms);
    }

    /** An admin's name for the mob (what the mob names port writes beside the mobs). */
    public synchronized void name(MobId mob, MobName name) {
        mobs.get(mob).name = name;
    }

    /** How many membership changes were recorded (joins, leaves, moves by re-clustering). */
    public synchronized int changes() {
        return changes;
    }

    @Override
    public synchronized Optional<NearestMob> nearestMob(MobSpace space, float[] vector) {
        return inSpace(space).stream().map(mob -> new NearestMob(mob.id, Vectors.cosine(mob.sum, vector)))
                .max(Comparator.comparingDouble(NearestMob::similarity));
    }

    @Override
    public synchronized long countMobs(MobSpace space) {
        return inSpace(space).size();
    }

    @Override
    public synchronized MobId createMobFor(MobSpace space, VideoId video, float[] vector, MembershipRule rule, Instant now) {
        Optional<NearestMob> nearest = nearestMob(space, vector);
        if (nearest.isPresent() && rule.joins(nearest.get().similarity())) {
            join(nearest.get().mob(), video, vector, nearest.get().similarity(), "joined", now);
            return nearest.get().mob();
        }
        Mob mob = new Mob(MobId.generate(), space, vector.length, now);
        mobs.put(mob.id, mob);
        join(mob.id, video, vector, 1.0, "founded", now);
        return mob.id;
    }

    @Override
    public synchronized void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now) {
        if (mobOf.containsKey(video)) {
            return;
        }
        Mob joined = mobs.get(mob);
        float[] unit = Vectors.normalised(vector);
        joined.members.put(video, new Member(video, unit, similarity, now));
        add(joined.sum, unit, 1);
        joined.updatedAt = now;
        mobOf.put(video, mob);
        history.add(video + " " + reason + " " + mob);
        changes++;
    }

    @Override
    public synchronized Optional<MobId> leave(VideoId video, String reason, Instant now) {
        MobId left = mobOf.remove(video);
        if (left == null) {
            return Optional.empty();
        }
        Mob mob = mobs.get(left);
        add(mob.sum, mob.members.remove(video).unit(), -1);
        mob.updatedAt = now;
        if (mob.members.isEmpty()) {
            mobs.remove(left);
        }
        history.add(video + " " + reason + " " + left);
        changes++;
        return Optional.of(left);
    }

    @Override
    public synchronized List<MobSummary> listMobs(MobSpace space) {
        return inSpace(space).stream().map(InMemoryMobs::summary).toList();
    }

    @Override
    public synchronized int memberCount(MobSpace space) {
        return inSpace(space).stream().mapToInt(mob -> mob.members.size()).sum();
    }

    @Override
    public synchronized Optional<MobSummary> findMob(MobId id) {
        return Optional.ofNullable(mobs.get(id)).map(InMemoryMobs::summary);
    }

    @Override
    public synchronized List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit) {
        Mob found = mobs.get(mob);
        if (found == null) {
            return List.of();
        }
        Comparator<Member> newestFirst = Comparator.comparing(Member::assignedAt).thenComparing(Member::video).reversed();
        List<Member> ordered = found.members.values().stream().sorted(newestFirst).toList();
        Optional<Member> cursor = afterVideo.map(found.members::get);
        return ordered.stream().filter(m -> cursor.isEmpty() || newestFirst.compare(m, cursor.get()) > 0).limit(limit)
                .map(Member::video).toList();
    }

    @Override
    public synchronized Map<VideoId, MobId> mobsOf(Collection<VideoId> videos) {
        Map<VideoId, MobId> found = new HashMap<>();
        videos.stream().filter(mobOf::containsKey).forEach(video -> found.put(video, mobOf.get(video)));
        return found;
    }

    @Override
    public synchronized Optional<MobId> mobOf(VideoId video) {
        return Optional.ofNullable(mobOf.get(video));
    }

    @Override
    public synchronized Map<VideoId, float[]> memberVectors(MobSpace space) {
        Map<VideoId, float[]> vectors = new TreeMap<>();
        inSpace(space).forEach(mob -> mob.members.values().forEach(m -> vectors.put(m.video(), m.unit().clone())));
        return new LinkedHashMap<>(vectors);
    }

    /** As the SQL adapter: members who joined after the clustering was computed go to the nearest new mob. */
    @Override
    public synchronized int replaceClustering(MobSpace space, List<NewMob> clustering, Instant now) {
        Map<VideoId, float[]> current = memberVectors(space);
        Map<VideoId, MobId> before = new HashMap<>();
        Map<MobId, Mob> old = new HashMap<>();
        inSpace(space).forEach(mob -> {
            old.put(mob.id, mob);
            mob.members.keySet().forEach(video -> before.put(video, mob.id));
        });
        old.keySet().forEach(mobs::remove);
        before.keySet().forEach(mobOf::remove);
        List<Mob> created = new ArrayList<>();
        for (NewMob placed : clustering) {
            Mob mob = new Mob(placed.id(), space, placed.vectors().values().iterator().next().length, now);
            Optional.ofNullable(old.get(placed.id())).ifPresent(kept -> {
                mob.label = kept.label;
                mob.name = kept.name;
            });
            placed.members().stream().filter(current::containsKey).forEach(video -> put(mob, video, placed.vectors().get(video), now));
            created.add(mob);
        }
        current.forEach((video, vector) -> {
            if (!mobOf.containsKey(video) && !created.isEmpty()) {
                Mob nearest = created.stream().max(Comparator.comparingDouble(mob -> Vectors.cosine(mob.sum, vector))).orElseThrow();
                put(nearest, video, vector, now);
            }
        });
        int moved = 0;
        for (Mob mob : created) {
            if (!mob.members.isEmpty()) {
                mobs.put(mob.id, mob);
                moved += (int) mob.members.keySet().stream().filter(video -> !mob.id.equals(before.get(video))).count();
            }
        }
        changes += moved;
        return moved;
    }

    @Override
    public synchronized void relabel(Map<MobId, String> labels) {
        labels.forEach((id, label) -> Optional.ofNullable(mobs.get(id)).ifPresent(mob -> mob.label = label));
    }

    @Override
    public synchronized boolean changedSince(MobSpace space, Instant since) {
        return inSpace(space).stream().anyMatch(mob -> mob.updatedAt.isAfter(since));
    }

    @Override
    public synchronized Map<MobId, List<MemberTerms>> memberTerms(MobSpace space) {
        Map<MobId, List<MemberTerms>> byMob = new LinkedHashMap<>();
        inSpace(space).forEach(mob -> byMob.put(mob.id, mob.members.keySet().stream()
                .map(video -> terms.getOrDefault(video, new MemberTerms(List.of(), List.of(), List.of()))).toList()));
        return byMob;
    }

    private void put(Mob mob, VideoId video, float[] vector, Instant now) {
        float[] unit = Vectors.normalised(vector);
        add(mob.sum, unit, 1);
        mob.members.put(video, new Member(video, unit, 0, now));
        mobOf.put(video, mob.id);
    }

    private List<Mob> inSpace(MobSpace space) {
        return mobs.values().stream().filter(mob -> mob.space.equals(space) && !mob.members.isEmpty()).toList();
    }

    private static void add(float[] sum, float[] unit, int sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * unit[i];
        }
    }

    private static MobSummary summary(Mob mob) {
        List<VideoId> samples = mob.members.values().stream()
                .sorted(Comparator.comparingDouble(Member::similarity).reversed().thenComparing(Member::video))
                .limit(SAMPLES).map(Member::video).toList();
        return new MobSummary(mob.id, mob.space.key(), mob.members.size(), mob.label, Optional.ofNullable(mob.name), samples,
                mob.createdAt, mob.updatedAt);
    }
}
