package org.milkmobs.application.port.out.duplicate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.VideoId;

/** The near-duplicate pairs found at analysis time (ADR 0026). */
public interface NearDuplicateStore {

    /** Records the pair, or refreshes its figures when it is already recorded (it keeps its place in the list). */
    void save(NearDuplicatePair pair);

    /** For each of {@code videos} that is a near-duplicate of an earlier video, the earliest such video. */
    Map<VideoId, VideoId> originalsOf(Collection<VideoId> videos);

    /** Every pair that involves at least one of {@code videos}. */
    List<NearDuplicatePair> pairsInvolving(Collection<VideoId> videos);

    /** Pairs newest first (latest recorded first), strictly after {@code after}, at most {@code limit}. */
    List<Listed> list(Optional<Long> after, int limit);

    /** A pair and its place in the list. */
    record Listed(long position, NearDuplicatePair pair) {
        public Listed {
            Objects.requireNonNull(pair, "pair");
        }
    }
}
