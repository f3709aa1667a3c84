package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore.Listed;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.VideoId;

/** What every near-duplicate store does; run on the twin and on PostgreSQL. */
public abstract class NearDuplicateStoreContract extends ContractSuite {

    private static final Instant AT = Instant.parse("2026-12-04T06:00:00Z");

    protected abstract NearDuplicateStore store();

    /** A video that exists in the store's world, newer than every one made before. */
    protected abstract VideoId newVideo();

    private void save(NearDuplicatePair pair) {
        inTransaction(() -> {
            store().save(pair);
            return null;
        });
    }

    @Test
    void aVideoShowsTheEarliestVideoItIsANearDuplicateOf() {
        VideoId first = newVideo();
        VideoId second = newVideo();
        VideoId third = newVideo();
        VideoId unrelated = newVideo();
        save(new NearDuplicatePair(third, second, 0.9, 0.95, AT));
        save(new NearDuplicatePair(third, first, 0.8, 0.9, AT));
        save(new NearDuplicatePair(second, first, 1.0, 1.0, AT));

        assertThat(inTransaction(() -> store().originalsOf(List.of(first, second, third, unrelated))))
                .containsOnlyKeys(second, third).containsEntry(third, first).containsEntry(second, first);
    }

    @Test
    void savingAPairAgainRefreshesItsFiguresAndKeepsItsPlace() {
        VideoId a = newVideo();
        VideoId b = newVideo();
        VideoId c = newVideo();
        save(new NearDuplicatePair(b, a, 0.75, 0.9, AT));
        save(new NearDuplicatePair(c, a, 0.8, 0.9, AT));
        save(new NearDuplicatePair(b, a, 0.85, 0.95, AT.plusSeconds(5)));

        List<Listed> listed = inTransaction(() -> store().list(Optional.empty(), 100)).stream()
                .filter(l -> l.pair().original().equals(a)).toList();
        assertThat(listed).extracting(l -> l.pair().copy()).containsExactly(c, b);
        assertThat(listed.get(1).pair().share()).isEqualTo(0.85);
        assertThat(listed.get(1).pair().durationRatio()).isEqualTo(0.95);
    }

    @Test
    void pairsInvolvingAVideoAreFoundFromEitherSide() {
        VideoId a = newVideo();
        VideoId b = newVideo();
        VideoId c = newVideo();
        VideoId d = newVideo();
        NearDuplicatePair ab = new NearDuplicatePair(b, a, 0.9, 0.9, AT);
        NearDuplicatePair cd = new NearDuplicatePair(d, c, 0.9, 0.9, AT);
        save(ab);
        save(cd);

        assertThat(inTransaction(() -> store().pairsInvolving(List.of(a)))).containsExactly(ab);
        assertThat(inTransaction(() -> store().pairsInvolving(List.of(b, d)))).containsExactlyInAnyOrder(ab, cd);
        VideoId alone = newVideo();
        assertThat(inTransaction(() -> store().pairsInvolving(List.of(alone)))).isEmpty();
    }

    @Test
    void theListPagesNewestFirstByPosition() {
        VideoId original = newVideo();
        List<VideoId> copies = List.of(newVideo(), newVideo(), newVideo(), newVideo(), newVideo());
        copies.forEach(copy -> save(new NearDuplicatePair(copy, original, 0.9, 0.9, AT)));

        List<Listed> first = inTransaction(() -> store().list(Optional.empty(), 2));
        List<Listed> second = inTransaction(() -> store().list(Optional.of(first.get(1).position()), 2));
        List<Listed> third = inTransaction(() -> store().list(Optional.of(second.get(1).position()), 2));

        assertThat(first).extracting(l -> l.pair().copy()).containsExactly(copies.get(4), copies.get(3));
        assertThat(second).extracting(l -> l.pair().copy()).containsExactly(copies.get(2), copies.get(1));
        assertThat(third.get(0).pair().copy()).isEqualTo(copies.get(0));
    }
}
