package org.milkmobs.application.port.in.video;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoStatus;

/** Lists videos newest first: a user's own (consumers), or all of them (admins). */
public interface ListVideosUseCase {

    /**
     * @throws org.milkmobs.application.port.in.ForbiddenException when a consumer asks for someone else's videos
     */
    Page<VideoDetails> list(ListVideosQuery query);

    record ListVideosQuery(Caller caller, Optional<UserId> owner, Set<VideoStatus> statuses, Optional<Instant> createdFrom,
                           Optional<Instant> createdTo, Optional<String> cursor, int limit) {
        public ListVideosQuery {
            Objects.requireNonNull(caller, "caller");
            statuses = Set.copyOf(statuses);
            if (limit < 1 || limit > 100) {
                throw new org.milkmobs.domain.InvalidValueException("limit", "limit must be between 1 and 100, got " + limit);
            }
            if (createdFrom.isPresent() && createdTo.isPresent() && createdFrom.get().isAfter(createdTo.get())) {
                throw new org.milkmobs.domain.InvalidValueException("from", "from must not be after to");
            }
        }
    }
}
