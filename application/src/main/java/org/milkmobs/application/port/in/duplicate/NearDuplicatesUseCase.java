package org.milkmobs.application.port.in.duplicate;

import java.util.Objects;
import java.util.Optional;
import org.milkmobs.application.port.Page;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.Video;

/** The admin's review list of near-duplicate pairs (ADR 0026). */
public interface NearDuplicatesUseCase {

    int MAX_LIMIT = 100;
    int DEFAULT_LIMIT = 20;

    /**
     * Pairs newest first, by cursor.
     *
     * @throws org.milkmobs.domain.InvalidValueException when the limit is out of range or the cursor is not one this
     *                                                   list returned
     */
    Page<ReviewedPair> list(Optional<String> cursor, int limit);

    /** A pair with both of its videos. */
    record ReviewedPair(NearDuplicatePair pair, Video copy, Video original) {
        public ReviewedPair {
            Objects.requireNonNull(pair, "pair");
            Objects.requireNonNull(copy, "copy");
            Objects.requireNonNull(original, "original");
        }
    }
}
