package org.milkmobs.domain.mob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.video.VideoId;

class MobChangesTest {

    private static final MobId A = new MobId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final MobId B = new MobId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private static final MobId C = new MobId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));

    private static List<VideoId> videos(int n) {
        List<VideoId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(VideoId.generate());
        }
        return ids;
    }

    private static Set<VideoId> of(List<VideoId> all, int from, int to) {
        return new HashSet<>(all.subList(from, to));
    }

    @Test
    void twoMobsWhoseMembersNowFormOneAreAMerge() {
        List<VideoId> v = videos(20);

        List<MobChanges.Change> changes = MobChanges.between(Map.of(A, of(v, 0, 10), B, of(v, 10, 20)), Map.of(A, of(v, 0, 20)));

        assertThat(changes).containsExactly(new MobChanges.Merged(A, Set.of(A, B), 20));
    }

    @Test
    void aMobWhoseMembersGoToTwoIsASplitAndTheNewIdIsCreated() {
        List<VideoId> v = videos(20);

        List<MobChanges.Change> changes = MobChanges.between(Map.of(A, of(v, 0, 20)), Map.of(A, of(v, 0, 12), C, of(v, 12, 20)));

        assertThat(changes).containsExactlyInAnyOrder(new MobChanges.Created(C, 8), new MobChanges.Split(A, Set.of(A, C)));
    }

    @Test
    void aFewMovedMembersAreNeitherMergeNorSplit() {
        List<VideoId> v = videos(40);
        Set<VideoId> a = of(v, 0, 19);
        a.add(v.get(20));
        Set<VideoId> b = of(v, 21, 40);
        b.add(v.get(19));

        assertThat(MobChanges.between(Map.of(A, of(v, 0, 20), B, of(v, 20, 40)), Map.of(A, a, B, b))).isEmpty();
    }

    @Test
    void aMobFromNothingIsCreated() {
        List<VideoId> v = videos(5);

        assertThat(MobChanges.between(Map.of(), Map.of(C, of(v, 0, 5)))).containsExactly(new MobChanges.Created(C, 5));
    }
}
