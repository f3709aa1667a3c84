package org.milkmobs.application.port.out.mob;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

/**
 * Mobs of one vector space ({@code space} names the model and modality mix), their members, and the
 * history of memberships. A mob keeps the sum of its members' unit vectors, so adding or removing a
 * member is one atomic update and the centroid is that sum's direction.
 */
public interface MobStore {

    /** The mob whose centroid is most similar (cosine) to {@code vector}, with that similarity. */
    Optional<Nearest> nearestMob(String space, float[] vector);

    long countMobs(String space);

    /**
     * Creates a mob for {@code video} unless another transaction created a mob within {@code joinSimilarity}
     * meanwhile (creations are serialised); returns the mob the video is now in.
     */
    MobId createMobFor(String space, VideoId video, float[] vector, double joinSimilarity, Instant now);

    /** Adds the video to the mob atomically (its vector goes into the mob's sum). */
    void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now);

    /** Takes the video out of its mob (if any), subtracting its vector; returns the mob it left. */
    Optional<MobId> leave(VideoId video, String reason, Instant now);

    Optional<MobId> mobOf(VideoId video);

    /** The mobs of those of the videos that are in one. */
    Map<VideoId, MobId> mobsOf(Collection<VideoId> videos);

    List<MobSummary> listMobs(String space);

    Optional<MobSummary> findMob(MobId id);

    /** Members newest first, after {@code afterVideo} (exclusive) when given. */
    List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit);

    /** The unit vectors of every member of every mob of {@code space}, for re-clustering. */
    Map<VideoId, float[]> memberVectors(String space);

    /**
     * Replaces all mobs of {@code space} by a new clustering in one step, recording each membership change;
     * returns how many videos changed mob. A mob whose id survives keeps its label and its name.
     */
    int replaceClustering(String space, List<NewMob> mobs, Instant now);

    /** Sets labels; labelling is not a change of the mob ({@code updated_at} stays). */
    void relabel(Map<MobId, String> labels);

    /** Whether any mob of the space was created or changed after {@code since}. */
    boolean changedSince(String space, Instant since);

    /** Terms of each member (hashtags, OCR words, look words), by mob, for labelling. */
    Map<MobId, List<MemberTerms>> memberTerms(String space);

    record Nearest(MobId mob, double similarity) {
    }

    record NewMob(MobId id, List<VideoId> members, Map<VideoId, float[]> vectors) {
    }
}
