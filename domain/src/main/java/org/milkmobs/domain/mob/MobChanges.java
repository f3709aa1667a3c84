package org.milkmobs.domain.mob;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.milkmobs.domain.video.VideoId;

/**
 * What a re-clustering did to the mobs, told apart by member overlap: a new mob that draws a significant share
 * of its members from several old mobs is a merge of them; an old mob whose members went in significant shares to
 * several new mobs was split; a mob id that did not exist before (and is no merge) was created. A share is
 * significant at a quarter of the smaller of the two mobs (and at least one member).
 */
public final class MobChanges {

    public sealed interface Change permits Created, Merged, Split {
        MobId mob();
    }

    public record Created(MobId mob, int size) implements Change {
    }

    public record Merged(MobId mob, Set<MobId> from, int size) implements Change {
    }

    public record Split(MobId mob, Set<MobId> into) implements Change {
    }

    private MobChanges() {
    }

    public static List<Change> between(Map<MobId, Set<VideoId>> before, Map<MobId, Set<VideoId>> after) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<MobId, Set<VideoId>> now : after.entrySet()) {
            Set<MobId> sources = new TreeSet<>(java.util.Comparator.comparing(MobId::toString));
            before.forEach((old, members) -> {
                if (significant(overlap(members, now.getValue()), members.size(), now.getValue().size())) {
                    sources.add(old);
                }
            });
            if (sources.size() >= 2) {
                changes.add(new Merged(now.getKey(), sources, now.getValue().size()));
            } else if (!before.containsKey(now.getKey())) {
                changes.add(new Created(now.getKey(), now.getValue().size()));
            }
        }
        for (Map.Entry<MobId, Set<VideoId>> then : before.entrySet()) {
            Set<MobId> targets = new TreeSet<>(java.util.Comparator.comparing(MobId::toString));
            after.forEach((fresh, members) -> {
                if (significant(overlap(then.getValue(), members), then.getValue().size(), members.size())) {
                    targets.add(fresh);
                }
            });
            if (targets.size() >= 2) {
                changes.add(new Split(then.getKey(), targets));
            }
        }
        return changes;
    }

    private static int overlap(Set<VideoId> a, Set<VideoId> b) {
        int shared = 0;
        for (VideoId id : a) {
            if (b.contains(id)) {
                shared++;
            }
        }
        return shared;
    }

    private static boolean significant(int shared, int sizeA, int sizeB) {
        return shared >= 1 && shared * 4 >= Math.min(sizeA, sizeB);
    }
}
