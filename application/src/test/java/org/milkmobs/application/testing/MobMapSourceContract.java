package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** What every {@link MobMapSource} does; run on the in-memory twin and on the real adapter. */
public abstract class MobMapSourceContract {

    protected abstract MobMapSource source();

    /** Puts a new video with this (unit) vector into the mob (a new mob of the space when empty); returns video and mob. */
    protected abstract Placed place(MobSpace space, Optional<MobId> mob, float[] vector);

    public record Placed(VideoId video, MobId mob) {
    }

    @Test
    void membersComeWithTheirMobAndVectorInVideoIdOrderAndOnlyFromTheSpace() {
        MobSpace space = new MobSpace("map-contract-" + System.nanoTime());
        Placed a = place(space, Optional.empty(), Vectors.normalised(new float[] {1, 0, 0}));
        Placed b = place(space, Optional.of(a.mob()), Vectors.normalised(new float[] {0.9f, 0.1f, 0}));
        Placed c = place(space, Optional.empty(), Vectors.normalised(new float[] {0, 0, 1}));
        place(new MobSpace(space.key() + "-other"), Optional.empty(), Vectors.normalised(new float[] {0, 1, 0}));

        List<MobMapSource.Member> members = source().members(space, 10);

        assertThat(members).extracting(MobMapSource.Member::video)
                .containsExactlyElementsOf(List.of(a.video(), b.video(), c.video()).stream().sorted().toList());
        MobMapSource.Member first = members.stream().filter(m -> m.video().equals(b.video())).findFirst().orElseThrow();
        assertThat(first.mob()).isEqualTo(a.mob());
        assertThat(first.vector()).usingComparatorWithPrecision(1e-3f).containsExactly(Vectors.normalised(new float[] {0.9f, 0.1f, 0}));
        assertThat(members).filteredOn(m -> m.video().equals(c.video())).extracting(MobMapSource.Member::mob).containsExactly(c.mob());
    }

    @Test
    void theLimitTakesTheFirstMembersOfTheStableOrder() {
        MobSpace space = new MobSpace("map-limit-" + System.nanoTime());
        Placed a = place(space, Optional.empty(), Vectors.normalised(new float[] {1, 0}));
        Placed b = place(space, Optional.of(a.mob()), Vectors.normalised(new float[] {1, 0.1f}));
        Placed c = place(space, Optional.of(a.mob()), Vectors.normalised(new float[] {1, 0.2f}));

        List<VideoId> all = List.of(a.video(), b.video(), c.video()).stream().sorted().toList();
        assertThat(source().members(space, 2)).extracting(MobMapSource.Member::video).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(source().members(new MobSpace("no-such-space"), 5)).isEmpty();
    }
}
