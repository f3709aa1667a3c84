package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.VideoId;

/** The near-duplicate pairs in memory; a pair keeps the position it was first recorded at. */
public class InMemoryNearDuplicateStore implements NearDuplicateStore {

    private final List<Listed> rows = new ArrayList<>();
    private long nextPosition = 1;

    @Override
    public synchronized void save(NearDuplicatePair pair) {
        for (int i = 0; i < rows.size(); i++) {
            NearDuplicatePair stored = rows.get(i).pair();
            if (stored.copy().equals(pair.copy()) && stored.original().equals(pair.original())) {
                rows.set(i, new Listed(rows.get(i).position(), pair));
                return;
            }
        }
        rows.add(new Listed(nextPosition++, pair));
    }

    @Override
    public synchronized Map<VideoId, VideoId> originalsOf(Collection<VideoId> videos) {
        Set<VideoId> wanted = Set.copyOf(videos);
        Map<VideoId, VideoId> originals = new HashMap<>();
        rows.stream().map(Listed::pair).filter(p -> wanted.contains(p.copy()))
                .forEach(p -> originals.merge(p.copy(), p.original(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        return originals;
    }

    @Override
    public synchronized List<NearDuplicatePair> pairsInvolving(Collection<VideoId> videos) {
        Set<VideoId> wanted = Set.copyOf(videos);
        return rows.stream().map(Listed::pair).filter(p -> wanted.contains(p.copy()) || wanted.contains(p.original())).toList();
    }

    @Override
    public synchronized List<Listed> list(Optional<Long> after, int limit) {
        return rows.stream().filter(r -> after.isEmpty() || r.position() < after.get())
                .sorted((a, b) -> Long.compare(b.position(), a.position())).limit(limit).toList();
    }
}
