package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.out.mob.MobStore;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/**
 * Mobs in memory: each keeps its members' vectors (in joining order) and their sum, as the table does, so the centroid is the
 * sum's direction. A video is in at most one mob. Terms for labelling are whatever a test gives with {@link #terms}.
 */
public class InMemoryMobStore implements MobStore {

    private static final int SAMPLES = 4;

    private final Map<MobId, Mob> mobs = new LinkedHashMap<>();
    private final Map<VideoId, MemberTerms> terms = new HashMap<>();
    /** Every membership change, oldest first: video, reason ("joined", "created", the leave reason, "reclustered"). */
    private final List<String> history = new ArrayList<>();

    private static final class Mob {
        final MobId id;
        final String space;
        final Map<VideoId, float[]> members = new LinkedHashMap<>();
        String label = "";
        final Instant createdAt;
        Instant updatedAt;

        Mob(MobId id, String space, Instant now) {
            this.id = id;
            this.space = space;
            this.createdAt = now;
            this.updatedAt = now;
        }

        float[] sum() {
            float[] sum = null;
            for (float[] v : members.values()) {
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int i = 0; i < v.length; i++) {
                    sum[i] += v[i];
                }
            }
            return sum;
        }
    }

    public synchronized void terms(VideoId video, MemberTerms memberTerms) {
        terms.put(video, memberTerms);
    }

    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public synchronized Optional<Nearest> nearestMob(String space, float[] vector) {
        return mobs.values().stream().filter(m -> m.space.equals(space) && !m.members.isEmpty())
                .map(m -> new Nearest(m.id, cosine(m.sum(), vector)))
                .max(java.util.Comparator.comparingDouble(Nearest::similarity));
    }

    @Override
    public synchronized long countMobs(String space) {
        return mobs.values().stream().filter(m -> m.space.equals(space)).count();
    }

    @Override
    public synchronized MobId createMobFor(String space, VideoId video, float[] vector, double joinSimilarity, Instant now) {
        Optional<Nearest> near = nearestMob(space, vector).filter(n -> n.similarity() >= joinSimilarity);
        if (near.isPresent()) {
            join(near.get().mob(), video, vector, near.get().similarity(), "joined", now);
            return near.get().mob();
        }
        leave(video, "moved", now);
        Mob mob = new Mob(new MobId(UUID.randomUUID()), space, now);
        mob.members.put(video, vector.clone());
        mobs.put(mob.id, mob);
        history.add(video + " created " + mob.id);
        return mob.id;
    }

    @Override
    public synchronized void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now) {
        if (mob.equals(mobOf(video).orElse(null))) {
            return;
        }
        leave(video, "moved", now);
        Mob target = mobs.get(mob);
        target.members.put(video, vector.clone());
        target.updatedAt = now;
        history.add(video + " " + reason + " " + mob);
    }

    @Override
    public synchronized Optional<MobId> leave(VideoId video, String reason, Instant now) {
        Optional<Mob> mob = mobs.values().stream().filter(m -> m.members.containsKey(video)).findFirst();
        mob.ifPresent(m -> {
            m.members.remove(video);
            m.updatedAt = now;
            history.add(video + " " + reason + " " + m.id);
        });
        return mob.map(m -> m.id);
    }

    @Override
    public synchronized Optional<MobId> mobOf(VideoId video) {
        return mobs.values().stream().filter(m -> m.members.containsKey(video)).map(m -> m.id).findFirst();
    }

    @Override
    public synchronized Map<VideoId, MobId> mobsOf(Collection<VideoId> videos) {
        Map<VideoId, MobId> found = new HashMap<>();
        videos.forEach(video -> mobOf(video).ifPresent(mob -> found.put(video, mob)));
        return found;
    }

    @Override
    public synchronized List<MobSummary> listMobs(String space) {
        return mobs.values().stream().filter(m -> m.space.equals(space)).map(InMemoryMobStore::summary).toList();
    }

    @Override
    public synchronized Optional<MobSummary> findMob(MobId id) {
        return Optional.ofNullable(mobs.get(id)).map(InMemoryMobStore::summary);
    }

    @Override
    public synchronized List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit) {
        List<VideoId> newestFirst = new ArrayList<>(Optional.ofNullable(mobs.get(mob)).map(m -> m.members.keySet()).orElse(java.util.Set.of()));
        java.util.Collections.reverse(newestFirst);
        int from = afterVideo.map(v -> newestFirst.indexOf(v) + 1).orElse(0);
        return newestFirst.subList(Math.min(from, newestFirst.size()), Math.min(newestFirst.size(), from + limit));
    }

    @Override
    public synchronized Map<VideoId, float[]> memberVectors(String space) {
        Map<VideoId, float[]> vectors = new LinkedHashMap<>();
        mobs.values().stream().filter(m -> m.space.equals(space)).forEach(m -> vectors.putAll(m.members));
        return vectors;
    }

    @Override
    public synchronized int replaceClustering(String space, List<NewMob> clustering, Instant now) {
        Map<VideoId, MobId> before = new HashMap<>();
        Map<MobId, Mob> previous = new HashMap<>();
        mobs.values().stream().filter(m -> m.space.equals(space)).forEach(m -> {
            previous.put(m.id, m);
            m.members.keySet().forEach(v -> before.put(v, m.id));
        });
        previous.keySet().forEach(mobs::remove);
        int changed = 0;
        for (NewMob newMob : clustering) {
            Mob kept = previous.get(newMob.id());
            Mob mob = new Mob(newMob.id(), space, kept == null ? now : kept.createdAt);
            mob.label = kept == null ? "" : kept.label;
            for (VideoId video : newMob.members()) {
                mob.members.put(video, newMob.vectors().getOrDefault(video, previousVector(previous, video)));
                if (!newMob.id().equals(before.get(video))) {
                    changed++;
                    history.add(video + " reclustered " + newMob.id());
                }
            }
            mob.updatedAt = kept != null && kept.members.keySet().equals(mob.members.keySet()) ? kept.updatedAt : now;
            mobs.put(mob.id, mob);
        }
        return changed;
    }

    @Override
    public synchronized void relabel(Map<MobId, String> labels) {
        labels.forEach((id, label) -> Optional.ofNullable(mobs.get(id)).ifPresent(m -> m.label = label));
    }

    @Override
    public synchronized boolean changedSince(String space, Instant since) {
        return mobs.values().stream().anyMatch(m -> m.space.equals(space) && m.updatedAt.isAfter(since));
    }

    @Override
    public synchronized Map<MobId, List<MemberTerms>> memberTerms(String space) {
        Map<MobId, List<MemberTerms>> found = new LinkedHashMap<>();
        mobs.values().stream().filter(m -> m.space.equals(space))
                .forEach(m -> found.put(m.id, m.members.keySet().stream().map(v -> terms.getOrDefault(v, MemberTerms.NONE)).toList()));
        return found;
    }

    private static float[] previousVector(Map<MobId, Mob> previous, VideoId video) {
        return previous.values().stream().map(m -> m.members.get(video)).filter(java.util.Objects::nonNull).findFirst().orElse(new float[0]);
    }

    private static MobSummary summary(Mob m) {
        List<VideoId> newestFirst = new ArrayList<>(m.members.keySet());
        java.util.Collections.reverse(newestFirst);
        return new MobSummary(m.id, m.space, m.members.size(), m.label, Optional.empty(), newestFirst.stream().limit(SAMPLES).toList(),
                m.createdAt, m.updatedAt);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
