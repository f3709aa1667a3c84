package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/** The in-memory twin of {@link MobMapSource}: members added by tests. */
public class InMemoryMobMapSource implements MobMapSource {

    private record Entry(MobSpace space, Member member) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(MobSpace space, VideoId video, MobId mob, String label, float[] vector) {
        entries.add(new Entry(space, new Member(video, mob, label, vector.clone())));
    }

    @Override
    public synchronized List<Member> members(MobSpace space, int limit) {
        return entries.stream().filter(e -> e.space().equals(space)).map(Entry::member)
                .sorted(Comparator.comparing(Member::video)).limit(limit).toList();
    }
}
