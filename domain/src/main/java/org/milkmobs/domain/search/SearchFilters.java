package org.milkmobs.domain.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.VideoStatus;

/**
 * What a search is narrowed to: a mob, an owner, hashtags (a video must carry all of them), a creation
 * window, and statuses (admins only; everyone else searches validated videos and their own).
 */
public record SearchFilters(Optional<MobId> mob, Optional<UserId> owner, Hashtags hashtags, Optional<Instant> createdFrom,
                            Optional<Instant> createdTo, Set<VideoStatus> statuses) {

    public static final SearchFilters NONE = new SearchFilters(Optional.empty(), Optional.empty(), Hashtags.NONE, Optional.empty(),
            Optional.empty(), Set.of());

    public SearchFilters {
        Objects.requireNonNull(mob, "mob");
        Objects.requireNonNull(owner, "owner");
        hashtags = hashtags == null ? Hashtags.NONE : hashtags;
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        statuses = Set.copyOf(statuses);
        if (createdFrom.isPresent() && createdTo.isPresent() && createdFrom.get().isAfter(createdTo.get())) {
            throw new InvalidValueException("createdFrom", "createdFrom must not be after createdTo");
        }
    }
}
