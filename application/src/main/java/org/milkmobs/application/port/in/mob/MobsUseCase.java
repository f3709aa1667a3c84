package org.milkmobs.application.port.in.mob;

import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.user.Caller;

/** The communities of look-alike videos. */
public interface MobsUseCase {

    /** Every mob of the active vector space, largest first, with sample thumbnails. */
    List<MobView> mobs(Caller caller);

    /** @throws MobNotFoundException when there is no such mob */
    MobView mob(MobId id, Caller caller);

    /** The mob's members, newest first. */
    Page<VideoDetails> members(MobId id, Caller caller, Optional<String> cursor, int limit);

    record MobView(MobSummary mob, List<java.net.URI> sampleThumbnails) {
        public MobView {
            sampleThumbnails = List.copyOf(sampleThumbnails);
        }
    }

    final class MobNotFoundException extends org.milkmobs.application.port.in.NotFoundException {
        public MobNotFoundException(MobId id) {
            super("no mob " + id + " exists");
        }
    }
}
