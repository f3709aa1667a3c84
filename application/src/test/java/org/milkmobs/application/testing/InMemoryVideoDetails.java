package org.milkmobs.application.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.domain.video.VideoId;

/** The read model's twin: the other twins asked in turn, as the SQL adapter's one statement joins their tables. */
public class InMemoryVideoDetails implements VideoDetailsReadPort {

    private final LoadVideoPort videos;
    private final AnalysisStore analyses;
    private final LoadMobsPort mobs;
    private final NearDuplicateStore nearDuplicates;

    public InMemoryVideoDetails(LoadVideoPort videos, AnalysisStore analyses, LoadMobsPort mobs, NearDuplicateStore nearDuplicates) {
        this.videos = videos;
        this.analyses = analyses;
        this.mobs = mobs;
        this.nearDuplicates = nearDuplicates;
    }

    @Override
    public Optional<VideoWithFacts> videoWithFacts(VideoId id) {
        return videos.loadVideo(id).map(video -> new VideoWithFacts(video, publicFactsOf(List.of(id)).get(id)));
    }

    @Override
    public Map<VideoId, VideoWithFacts> videosWithFacts(Collection<VideoId> ids) {
        Map<VideoId, VideoWithFacts> found = new HashMap<>();
        ids.stream().distinct().forEach(id -> videoWithFacts(id).ifPresent(v -> found.put(id, v)));
        return found;
    }

    @Override
    public Map<VideoId, PublicFacts> publicFactsOf(Collection<VideoId> ids) {
        List<VideoId> existing = ids.stream().distinct().filter(id -> videos.loadVideo(id).isPresent()).toList();
        Map<VideoId, PublicFacts> found = new HashMap<>();
        if (existing.isEmpty()) {
            return found;
        }
        var mobOf = mobs.mobsOf(existing);
        var originalOf = nearDuplicates.originalsOf(existing);
        for (VideoId id : existing) {
            found.put(id, new PublicFacts(analyses.findAnalysis(id), Optional.ofNullable(mobOf.get(id)),
                    Optional.ofNullable(originalOf.get(id))));
        }
        return found;
    }
}
