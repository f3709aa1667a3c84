package org.milkmobs.application.port.out;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The read model behind a video's details (ADR 0029): what everyone who may see a video sees of it (its analysis, its
 * mob, the earliest video it is a near-duplicate of), read together in one round trip, with or without the video
 * itself, whatever the number of videos. Progress and validation decisions, shown to owners and admins only, are not
 * part of it.
 */
public interface VideoDetailsReadPort {

    /** The video and its public facts, if it exists. */
    Optional<VideoWithFacts> videoWithFacts(VideoId id);

    /** Videos with their public facts (the cards of a page of search results), keyed by id; unknown ids are left out. */
    Map<VideoId, VideoWithFacts> videosWithFacts(Collection<VideoId> ids);

    /**
     * The public facts of videos already loaded (a page): one entry for each of these ids that exists, facts that are
     * not there yet being empty; ids of videos that do not exist are left out.
     */
    Map<VideoId, PublicFacts> publicFactsOf(Collection<VideoId> ids);

    record PublicFacts(Optional<Analysis> analysis, Optional<MobId> mob, Optional<VideoId> original) {

        public static final PublicFacts NONE = new PublicFacts(Optional.empty(), Optional.empty(), Optional.empty());

        public PublicFacts {
            Objects.requireNonNull(analysis, "analysis");
            Objects.requireNonNull(mob, "mob");
            Objects.requireNonNull(original, "original");
        }
    }

    record VideoWithFacts(Video video, PublicFacts facts) {

        public VideoWithFacts {
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(facts, "facts");
        }
    }
}
