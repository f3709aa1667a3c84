package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.mob.MobClusteringPort;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryMobNames;
import org.milkmobs.application.testing.InMemoryMobs;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

class MobEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final MobSpace SPACE = new MobSpace("space");
    private static final MembershipRule RULE = new MembershipRule(0.8, 10);

    private final InMemoryMobs store = new InMemoryMobs();
    private final InMemoryEvents events = new InMemoryEvents();
    private final MobEvents mobs = new MobEvents(store, store, store, events, TestClock.at("2026-12-01T10:00:00Z"));

    @Test
    void aVideoFoundingAMobAnnouncesItAndJoiningAnExistingOneDoesNot() {
        VideoId first = VideoId.generate();
        MobId founded = mobs.createMobFor(SPACE, first, new float[] {1, 0}, RULE, NOW);
        MobId joined = mobs.createMobFor(SPACE, VideoId.generate(), new float[] {1, 0}, RULE, NOW);

        assertThat(joined).isEqualTo(founded);
        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("mob.created");
        assertThat(events.pending().get(0).data()).containsEntry("mobId", founded.toString()).containsEntry("foundedBy", first.toString());
    }

    @Test
    void aReclusteringThatJoinsTwoMobsIsAMergeAndALabelChangeIsARelabel() {
        MobId a = mob("a", new float[] {1, 0}, 4);
        MobId b = mob("b", new float[] {0, 1}, 4);
        List<VideoId> everyone = new ArrayList<>(store.memberVectors(SPACE).keySet());

        mobs.replaceClustering(SPACE, List.of(new MobClusteringPort.NewMob(a, everyone, store.memberVectors(SPACE))), NOW);
        mobs.relabel(Map.of(a, "ab"));
        mobs.relabel(Map.of(a, "ab"));

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("mob.merged", "mob.relabelled");
        assertThat(events.pending().get(0).data().get("from")).contains(a.toString()).contains(b.toString());
        assertThat(events.pending().get(1).data()).containsEntry("label", "ab").containsEntry("previousLabel", "a");
    }

    @Test
    void anAdminsNameIsAnnouncedAsARelabellingOnceAndAnUnknownMobAnnouncesNothing() {
        MobId mob = mob("blue · still", new float[] {1, 0}, 3);
        InMemoryMobNames names = new InMemoryMobNames();
        names.add(mob);
        MobNameEvents named = new MobNameEvents(names, store, events, TestClock.at("2026-12-01T10:00:00Z"));

        assertThat(named.rename(mob, new MobName("Blue box pours"))).isTrue();
        store.name(mob, new MobName("Blue box pours")); // what the store now shows: the name wins
        assertThat(named.rename(mob, new MobName("Blue box pours"))).isTrue();
        assertThat(named.rename(MobId.generate(), new MobName("Nobody"))).isFalse();

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("mob.relabelled");
        assertThat(events.pending().get(0).data()).containsEntry("mobId", mob.toString()).containsEntry("label", "Blue box pours")
                .containsEntry("previousLabel", "blue · still");
        assertThat(named.nameOf(mob)).contains(new MobName("Blue box pours"));
    }

    /** A labelled mob of {@code size} look-alikes of {@code direction}, made an hour ago straight in the store (no events). */
    private MobId mob(String label, float[] direction, int size) {
        MobId id = store.createMobFor(SPACE, VideoId.generate(), direction, RULE, NOW.minusSeconds(3600));
        for (int i = 1; i < size; i++) {
            store.join(id, VideoId.generate(), direction, 1, "joined", NOW.minusSeconds(3600));
        }
        store.relabel(Map.of(id, label));
        return id;
    }
}
