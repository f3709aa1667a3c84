package org.milkmobs.application.port.out.mob;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.milkmobs.domain.mob.MemberTerms;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** A whole space's mobs at once, as the batch re-clustering and labelling read and replace them. */
public interface MobClusteringPort {

    /** The unit vectors of every member of every mob of the space. */
    Map<VideoId, float[]> memberVectors(MobSpace space);

    /**
     * Replaces all mobs of the space by a new clustering in one step, recording each membership change; returns how many
     * videos changed mob. A mob whose id survives keeps its label and its name.
     */
    int replaceClustering(MobSpace space, List<NewMob> mobs, Instant now);

    /** Sets labels; labelling is not a change of the mob ({@code updated_at} stays). */
    void relabel(Map<MobId, String> labels);

    /** Whether any mob of the space was created or changed after {@code since}. */
    boolean changedSince(MobSpace space, Instant since);

    /** Terms of each member (hashtags, OCR words, look words), by mob, for labelling. */
    Map<MobId, List<MemberTerms>> memberTerms(MobSpace space);

    record NewMob(MobId id, List<VideoId> members, Map<VideoId, float[]> vectors) {
    }
}
