package org.milkmobs.adapters.persistence.mob;

import com.pgvector.PGvector;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
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
 * Mobs in SQL, behind the three mob ports (loading, membership, clustering): they share one pair of tables. A mob keeps the sum of its members' unit vectors; joining and leaving add and subtract in
 * one UPDATE, so concurrent assignments never lose one another. Every write of a space's membership (found, join,
 * leave, replace) first takes a transaction-level advisory lock per space: two look-alike newcomers do not found two
 * mobs, and a batch run's replacement sees every join committed before it and lets none commit under it (a join
 * committing mid-replacement was cascaded away with the mob row it had locked).
 */
@Dependent
class MobStoreAdapter implements LoadMobsPort, MobMembershipPort, MobClusteringPort {

    private static final int SAMPLES = 4;

    private final Sql sql;

    @Inject
    MobStoreAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<NearestMob> nearestMob(MobSpace space, float[] vector) {
        PGvector query = new PGvector(vector);
        return sql.query("""
                SELECT id, 1 - (centroid_sum <=> ?) AS similarity FROM mob
                WHERE space = ? AND size > 0 ORDER BY centroid_sum <=> ? LIMIT 1
                """, row -> new NearestMob(new MobId(Sql.uuid(row, "id")), row.getDouble("similarity")), query, space.key(), query)
                .stream().findFirst();
    }

    @Override
    public long countMobs(MobSpace space) {
        return sql.query("SELECT count(*) FROM mob WHERE space = ? AND size > 0", row -> row.getLong(1), space.key()).get(0);
    }

    @Override
    public MobId createMobFor(MobSpace space, VideoId video, float[] vector, MembershipRule rule, Instant now) {
        lockMembership(space.key());
        Optional<NearestMob> nearest = nearestMob(space, vector);
        if (nearest.isPresent() && rule.joins(nearest.get().similarity())) {
            join(nearest.get().mob(), video, vector, nearest.get().similarity(), "joined", now);
            return nearest.get().mob();
        }
        MobId mob = MobId.generate();
        sql.update("INSERT INTO mob (id, space, centroid_sum, size, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)",
                mob.value(), space.key(), new PGvector(new float[vector.length]), now, now);
        join(mob, video, vector, 1.0, "founded", now);
        return mob;
    }

    @Override
    public void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now) {
        sql.query("SELECT space FROM mob WHERE id = ?", row -> row.getString(1), mob.value()).forEach(this::lockMembership);
        PGvector unit = new PGvector(Vectors.normalised(vector));
        int added = sql.update("""
                INSERT INTO mob_member (video_id, mob_id, vector, similarity, assigned_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (video_id) DO NOTHING
                """, video.value(), mob.value(), unit, similarity, now);
        if (added == 1) {
            sql.update("UPDATE mob SET centroid_sum = centroid_sum + ?, size = size + 1, updated_at = ? WHERE id = ?", unit, now, mob.value());
            recordChange(video, null, mob, reason, now);
        }
    }

    @Override
    public Optional<MobId> leave(VideoId video, String reason, Instant now) {
        sql.query("SELECT m.space FROM mob_member mm JOIN mob m ON m.id = mm.mob_id WHERE mm.video_id = ?", row -> row.getString(1),
                video.value()).forEach(this::lockMembership);
        List<Object[]> left = sql.query("DELETE FROM mob_member WHERE video_id = ? RETURNING mob_id, vector::text AS vector",
                row -> new Object[] {Sql.uuid(row, "mob_id"), row.getString("vector")}, video.value());
        if (left.isEmpty()) {
            return Optional.empty();
        }
        MobId mob = new MobId((UUID) left.get(0)[0]);
        sql.update("UPDATE mob SET centroid_sum = centroid_sum - ?::vector, size = size - 1, updated_at = ? WHERE id = ?",
                left.get(0)[1], now, mob.value());
        sql.update("DELETE FROM mob WHERE id = ? AND size <= 0", mob.value());
        recordChange(video, mob, null, reason, now);
        return Optional.of(mob);
    }

    @Override
    public Optional<MobId> mobOf(VideoId video) {
        return sql.query("SELECT mob_id FROM mob_member WHERE video_id = ?", row -> new MobId(Sql.uuid(row, "mob_id")), video.value())
                .stream().findFirst();
    }

    @Override
    public Map<VideoId, MobId> mobsOf(Collection<VideoId> videos) {
        Map<VideoId, MobId> mobs = new HashMap<>();
        if (!videos.isEmpty()) {
            sql.query("SELECT video_id, mob_id FROM mob_member WHERE video_id = ANY(?)",
                    row -> mobs.put(new VideoId(Sql.uuid(row, "video_id")), new MobId(Sql.uuid(row, "mob_id"))),
                    (Object) videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        }
        return mobs;
    }

    @Override
    public List<MobSummary> listMobs(MobSpace space) {
        return sql.query(SUMMARY + " WHERE m.space = ? AND m.size > 0", MobStoreAdapter::summary, SAMPLES, space.key());
    }

    @Override
    public int memberCount(MobSpace space) {
        return sql.query("SELECT COALESCE(SUM(size), 0)::int AS members FROM mob WHERE space = ?", row -> row.getInt("members"),
                space.key()).get(0);
    }

    @Override
    public Optional<MobSummary> findMob(MobId id) {
        return sql.query(SUMMARY + " WHERE m.id = ? AND m.size > 0", MobStoreAdapter::summary, SAMPLES, id.value()).stream().findFirst();
    }

    private static final String SUMMARY = """
            SELECT m.id, m.space, m.size, m.label, m.name, m.created_at, m.updated_at,
                   ARRAY(SELECT mm.video_id::text FROM mob_member mm WHERE mm.mob_id = m.id
                         ORDER BY mm.similarity DESC, mm.video_id LIMIT ?) AS samples
            FROM mob m
            """;

    private static MobSummary summary(ResultSet row) throws SQLException {
        List<VideoId> samples = new ArrayList<>();
        for (String id : (String[]) row.getArray("samples").getArray()) {
            samples.add(new VideoId(UUID.fromString(id)));
        }
        return new MobSummary(new MobId(Sql.uuid(row, "id")), row.getString("space"), row.getInt("size"), row.getString("label"),
                Optional.ofNullable(row.getString("name")).map(MobName::new), samples, Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }

    @Override
    public List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit) {
        UUID after = afterVideo.map(VideoId::value).orElse(null);
        return sql.query("""
                SELECT mm.video_id FROM mob_member mm
                LEFT JOIN mob_member cursor ON cursor.video_id = ?
                WHERE mm.mob_id = ?
                  AND (cursor.video_id IS NULL
                       OR mm.assigned_at < cursor.assigned_at
                       OR (mm.assigned_at = cursor.assigned_at AND mm.video_id < cursor.video_id))
                ORDER BY mm.assigned_at DESC, mm.video_id DESC LIMIT ?
                """, row -> new VideoId(Sql.uuid(row, "video_id")), after, mob.value(), limit);
    }

    @Override
    public Map<VideoId, float[]> memberVectors(MobSpace space) {
        Map<VideoId, float[]> vectors = new LinkedHashMap<>();
        sql.query("""
                SELECT mm.video_id, mm.vector::text AS vector FROM mob_member mm JOIN mob m ON m.id = mm.mob_id
                WHERE m.space = ? ORDER BY mm.video_id
                """, row -> vectors.put(new VideoId(Sql.uuid(row, "video_id")), new PGvector(row.getString("vector")).toArray()), space.key());
        return vectors;
    }

    /**
     * Replaces the space's mobs in this transaction. Members who joined after the caller read the vectors
     * are not in {@code mobs}; they go to the nearest new mob, so nobody drops out.
     */
    @Override
    public int replaceClustering(MobSpace space, List<NewMob> mobs, Instant now) {
        lockMembership(space.key());
        Map<VideoId, MobId> before = new HashMap<>();
        sql.query("SELECT mm.video_id, mm.mob_id FROM mob_member mm JOIN mob m ON m.id = mm.mob_id WHERE m.space = ? FOR UPDATE OF mm",
                row -> before.put(new VideoId(Sql.uuid(row, "video_id")), new MobId(Sql.uuid(row, "mob_id"))), space.key());
        Map<VideoId, float[]> current = memberVectors(space);
        List<NewMob> complete = placeLatecomers(mobs, current);
        Map<MobId, String[]> labels = new HashMap<>();
        sql.query("SELECT id, label, name FROM mob WHERE space = ?",
                row -> labels.put(new MobId(Sql.uuid(row, "id")), new String[] {row.getString("label"), row.getString("name")}), space.key());
        sql.update("DELETE FROM mob_member mm USING mob m WHERE m.id = mm.mob_id AND m.space = ?", space.key());
        sql.update("DELETE FROM mob WHERE space = ?", space.key());
        List<Object[]> members = new ArrayList<>();
        List<Object[]> changes = new ArrayList<>();
        for (NewMob mob : complete) {
            float[] sum = new float[mob.vectors().values().iterator().next().length];
            for (float[] v : mob.vectors().values()) {
                float[] unit = Vectors.normalised(v);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += unit[i];
                }
            }
            String[] kept = labels.getOrDefault(mob.id(), new String[] {"", null});
            sql.update("INSERT INTO mob (id, space, centroid_sum, size, label, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    mob.id().value(), space.key(), new PGvector(sum), mob.members().size(), kept[0], kept[1], now, now);
            for (VideoId member : mob.members()) {
                float[] unit = Vectors.normalised(mob.vectors().get(member));
                members.add(new Object[] {member.value(), mob.id().value(), new PGvector(unit), Vectors.cosine(unit, sum), now});
                MobId previous = before.get(member);
                if (!mob.id().equals(previous)) {
                    changes.add(new Object[] {member.value(), previous == null ? null : previous.value(), mob.id().value(), "reclustered", now});
                }
            }
        }
        sql.batch("INSERT INTO mob_member (video_id, mob_id, vector, similarity, assigned_at) VALUES (?, ?, ?, ?, ?)", members);
        sql.batch("INSERT INTO mob_membership_change (video_id, from_mob, to_mob, reason, at) VALUES (?, ?, ?, ?, ?)", changes);
        renumberForFeed(space);
        return changes.size();
    }

    /** Until this transaction ends, no other writes the space's membership (reentrant within the transaction). */
    private void lockMembership(String space) {
        sql.query("SELECT pg_advisory_xact_lock(hashtext(?))", row -> null, "mob-membership:" + space);
    }

    /** The feed's order within each new mob (V25): members numbered by creation, newest highest. */
    private void renumberForFeed(MobSpace space) {
        sql.update("""
                UPDATE mob_member mm SET feed_seq = numbered.seq
                FROM (SELECT mm.video_id, row_number() OVER (PARTITION BY mm.mob_id ORDER BY v.created_at, v.id) AS seq
                      FROM mob_member mm JOIN mob m ON m.id = mm.mob_id JOIN video v ON v.id = mm.video_id
                      WHERE m.space = ?) numbered
                WHERE numbered.video_id = mm.video_id
                """, space.key());
        sql.update("UPDATE mob m SET member_seq = size WHERE m.space = ?", space.key());
    }

    private static List<NewMob> placeLatecomers(List<NewMob> mobs, Map<VideoId, float[]> current) {
        Map<VideoId, Boolean> placed = new HashMap<>();
        mobs.forEach(m -> m.members().forEach(v -> placed.put(v, true)));
        List<NewMob> result = new ArrayList<>();
        List<List<VideoId>> members = new ArrayList<>();
        List<Map<VideoId, float[]>> vectors = new ArrayList<>();
        List<float[]> centroids = new ArrayList<>();
        for (NewMob mob : mobs) {
            members.add(new ArrayList<>(mob.members().stream().filter(current::containsKey).toList()));
            vectors.add(new HashMap<>(mob.vectors()));
            centroids.add(Vectors.mean(new ArrayList<>(mob.vectors().values())));
        }
        current.forEach((video, vector) -> {
            if (!placed.containsKey(video) && !centroids.isEmpty()) {
                int best = 0;
                for (int c = 1; c < centroids.size(); c++) {
                    if (Vectors.cosine(vector, centroids.get(c)) > Vectors.cosine(vector, centroids.get(best))) {
                        best = c;
                    }
                }
                members.get(best).add(video);
                vectors.get(best).put(video, vector);
            }
        });
        for (int c = 0; c < mobs.size(); c++) {
            if (!members.get(c).isEmpty()) {
                result.add(new NewMob(mobs.get(c).id(), members.get(c), vectors.get(c)));
            }
        }
        return result;
    }

    @Override
    public void relabel(Map<MobId, String> labels) {
        sql.batch("UPDATE mob SET label = ? WHERE id = ? AND label IS DISTINCT FROM ?",
                labels.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey().value(), e.getValue()}).toList());
    }

    @Override
    public boolean changedSince(MobSpace space, Instant since) {
        return sql.query("SELECT EXISTS (SELECT 1 FROM mob WHERE space = ? AND updated_at > ?)", row -> row.getBoolean(1), space.key(), since)
                .get(0);
    }

    @Override
    public Map<MobId, List<MemberTerms>> memberTerms(MobSpace space) {
        Map<MobId, List<MemberTerms>> terms = new LinkedHashMap<>();
        sql.query("""
                SELECT mm.mob_id, v.hashtags, coalesce(a.ocr_text, '') AS ocr_text, coalesce(a.look, '{}') AS look
                FROM mob_member mm JOIN mob m ON m.id = mm.mob_id JOIN video v ON v.id = mm.video_id
                LEFT JOIN analysis a ON a.video_id = mm.video_id
                WHERE m.space = ? ORDER BY mm.mob_id
                """, row -> {
            List<String> screenWords = new ArrayList<>();
            for (String word : row.getString("ocr_text").toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3) {
                    screenWords.add(word);
                }
            }
            MemberTerms member = new MemberTerms(List.of((String[]) row.getArray("hashtags").getArray()), screenWords,
                    List.of((String[]) row.getArray("look").getArray()));
            terms.computeIfAbsent(new MobId(Sql.uuid(row, "mob_id")), k -> new ArrayList<>()).add(member);
            return null;
        }, space.key());
        return terms;
    }

    private void recordChange(VideoId video, MobId from, MobId to, String reason, Instant now) {
        sql.update("INSERT INTO mob_membership_change (video_id, from_mob, to_mob, reason, at) VALUES (?, ?, ?, ?, ?)", video.value(),
                from == null ? null : from.value(), to == null ? null : to.value(), reason, now);
    }
}
