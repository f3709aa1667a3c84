package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.mob.MobStore;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryMobNames;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobName;
import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.video.VideoId;

class MobEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final MembershipStore store = new MembershipStore();
    private final InMemoryEvents events = new InMemoryEvents();
    private final MobEvents mobs = new MobEvents(store, events, TestClock.at("2026-12-01T10:00:00Z"));

    @Test
    void aVideoFoundingAMobAnnouncesItAndJoiningAnExistingOneDoesNot() {
        VideoId first = VideoId.generate();
        MobId founded = mobs.createMobFor("space", first, new float[] {1}, 0.8, NOW);
        store.nextCreateJoins = founded;
        mobs.createMobFor("space", VideoId.generate(), new float[] {1}, 0.8, NOW);

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("mob.created");
        assertThat(events.pending().get(0).data()).containsEntry("mobId", founded.toString()).containsEntry("foundedBy", first.toString());
    }

    @Test
    void aReclusteringThatJoinsTwoMobsIsAMergeAndALabelChangeIsARelabel() {
        MobId a = store.mob("a", 4);
        MobId b = store.mob("b", 4);
        List<VideoId> everyone = new ArrayList<>(store.members.get(a));
        everyone.addAll(store.members.get(b));

        mobs.replaceClustering("space", List.of(new MobStore.NewMob(a, everyone, Map.of())), NOW);
        mobs.relabel(Map.of(a, "ab"));
        mobs.relabel(Map.of(a, "ab"));

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("mob.merged", "mob.relabelled");
        assertThat(events.pending().get(0).data().get("from")).contains(a.toString()).contains(b.toString());
        assertThat(events.pending().get(1).data()).containsEntry("label", "ab").containsEntry("previousLabel", "a");
    }

    @Test
    void anAdminsNameIsAnnouncedAsARelabellingOnceAndAnUnknownMobAnnouncesNothing() {
        MobId mob = store.mob("blue · still", 3);
        InMemoryMobNames names = new InMemoryMobNames();
        names.add(mob);
        MobNameEvents named = new MobNameEvents(names, store, events, TestClock.at("2026-12-01T10:00:00Z"));

        assertThat(named.rename(mob, new MobName("Blue box pours"))).isTrue();
        store.labels.put(mob, "Blue box pours"); // what the store now shows: the name wins
        assertThat(named.rename(mob, new MobName("Blue box pours"))).isTrue();
        assertThat(named.rename(MobId.generate(), new MobName("Nobody"))).isFalse();

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("mob.relabelled");
        assertThat(events.pending().get(0).data()).containsEntry("mobId", mob.toString()).containsEntry("label", "Blue box pours")
                .containsEntry("previousLabel", "blue · still");
        assertThat(named.nameOf(mob)).contains(new MobName("Blue box pours"));
    }

    /** Just enough of a mob store for the announcements: members and labels in maps. */
    private static final class MembershipStore implements MobStore {
        final Map<MobId, List<VideoId>> members = new LinkedHashMap<>();
        final Map<MobId, String> labels = new HashMap<>();
        final Map<MobId, Instant> created = new HashMap<>();
        MobId nextCreateJoins;

        MobId mob(String label, int size) {
            MobId id = new MobId(java.util.UUID.randomUUID());
            List<VideoId> ids = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ids.add(VideoId.generate());
            }
            members.put(id, ids);
            labels.put(id, label);
            created.put(id, NOW.minusSeconds(3600));
            return id;
        }

        @Override
        public MobId createMobFor(String space, VideoId video, float[] vector, double joinSimilarity, Instant now) {
            if (nextCreateJoins != null) {
                members.get(nextCreateJoins).add(video);
                return nextCreateJoins;
            }
            MobId id = new MobId(java.util.UUID.randomUUID());
            members.put(id, new ArrayList<>(List.of(video)));
            created.put(id, now);
            return id;
        }

        @Override
        public Optional<MobSummary> findMob(MobId id) {
            return Optional.ofNullable(members.get(id)).map(m -> new MobSummary(id, "space", m.size(), labels.get(id), Optional.empty(), List.of(),
                    created.get(id), created.get(id)));
        }

        @Override
        public List<MobSummary> listMobs(String space) {
            return members.keySet().stream().map(id -> findMob(id).orElseThrow()).toList();
        }

        @Override
        public List<VideoId> members(MobId mob, Optional<VideoId> afterVideo, int limit) {
            return List.copyOf(members.get(mob));
        }

        @Override
        public int replaceClustering(String space, List<NewMob> clustering, Instant now) {
            members.clear();
            clustering.forEach(m -> members.put(m.id(), new ArrayList<>(m.members())));
            return 0;
        }

        @Override
        public void relabel(Map<MobId, String> newLabels) {
            labels.putAll(newLabels);
        }

        @Override
        public Optional<Nearest> nearestMob(String space, float[] vector) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countMobs(String space) {
            return members.size();
        }

        @Override
        public void join(MobId mob, VideoId video, float[] vector, double similarity, String reason, Instant now) {
            members.get(mob).add(video);
        }

        @Override
        public Optional<MobId> leave(VideoId video, String reason, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<MobId> mobOf(VideoId video) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<VideoId, MobId> mobsOf(Collection<VideoId> videos) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<VideoId, float[]> memberVectors(String space) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean changedSince(String space, Instant since) {
            return true;
        }

        @Override
        public Map<MobId, List<org.milkmobs.domain.mob.MemberTerms>> memberTerms(String space) {
            throw new UnsupportedOperationException();
        }
    }
}
