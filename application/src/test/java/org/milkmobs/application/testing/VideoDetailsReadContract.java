package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort.PublicFacts;
import org.milkmobs.application.port.out.VideoDetailsReadPort.VideoWithFacts;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** What the read model behind a video's details does; run on its twin and on PostgreSQL (one statement there). */
public abstract class VideoDetailsReadContract {

    private static final Instant AT = Instant.parse("2026-12-04T06:00:00Z");

    protected abstract VideoDetailsReadPort reader();

    protected abstract SaveVideoPort videos();

    protected abstract AnalysisStore analyses();

    protected abstract NearDuplicateStore nearDuplicates();

    /** A new mob holding {@code member}. */
    protected abstract MobId mobWith(VideoId member);

    protected <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    private Video newVideo() {
        return inTransaction(() -> videos().saveVideo(TestVideos.submitted("owner")));
    }

    private void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Test
    void aVideoComesWithItsAnalysisItsMobAndTheEarliestVideoItIsANearDuplicateOf() {
        Video first = newVideo();
        Video second = newVideo();
        Video video = newVideo();
        Analysis analysis = new Analysis(video.id(), "pegasus-1.2", OptionalDouble.of(0.82), "MILK MOB", "Kids pour milk.",
                List.of(new Highlight(new Segment(1.5, 4.25), "the pour")), new AudioHints(false, true, false), AT,
                List.of("white", "moving"));
        run(() -> analyses().saveAnalysis(analysis));
        MobId mob = mobWith(video.id());
        run(() -> nearDuplicates().save(new NearDuplicatePair(video.id(), second.id(), 0.9, 0.95, AT)));
        run(() -> nearDuplicates().save(new NearDuplicatePair(video.id(), first.id(), 0.8, 0.9, AT)));

        VideoWithFacts found = inTransaction(() -> reader().videoWithFacts(video.id())).orElseThrow();

        assertThat(found.video().snapshot()).isEqualTo(video.snapshot());
        assertThat(found.facts()).isEqualTo(new PublicFacts(Optional.of(analysis), Optional.of(mob), Optional.of(first.id())));
    }

    @Test
    void aVideoWithNothingYetComesWithEmptyFacts() {
        Video video = newVideo();

        VideoWithFacts found = inTransaction(() -> reader().videoWithFacts(video.id())).orElseThrow();

        assertThat(found.video().snapshot()).isEqualTo(video.snapshot());
        assertThat(found.facts()).isEqualTo(PublicFacts.NONE);
    }

    @Test
    void aVideoThatDoesNotExistReadsNothing() {
        assertThat(inTransaction(() -> reader().videoWithFacts(VideoId.generate()))).isEmpty();
    }

    @Test
    void aPageGetsTheFactsOfEachOfItsVideosAndLeavesUnknownIdsOut() {
        Video original = newVideo();
        Video analysed = newVideo();
        Video inMob = newVideo();
        Video copy = newVideo();
        Video bare = newVideo();
        Analysis analysis = new Analysis(analysed.id(), "local-v1", OptionalDouble.empty(), "MILK", "", List.of(), AudioHints.NO_AUDIO,
                AT, List.of("blue"));
        run(() -> analyses().saveAnalysis(analysis));
        MobId mob = mobWith(inMob.id());
        run(() -> nearDuplicates().save(new NearDuplicatePair(copy.id(), original.id(), 0.9, 0.9, AT)));
        VideoId unknown = VideoId.generate();

        Map<VideoId, PublicFacts> facts = inTransaction(() -> reader().publicFactsOf(List.of(analysed.id(), inMob.id(), copy.id(),
                bare.id(), unknown, analysed.id())));

        assertThat(facts).containsOnlyKeys(analysed.id(), inMob.id(), copy.id(), bare.id());
        assertThat(facts.get(analysed.id())).isEqualTo(new PublicFacts(Optional.of(analysis), Optional.empty(), Optional.empty()));
        assertThat(facts.get(inMob.id())).isEqualTo(new PublicFacts(Optional.empty(), Optional.of(mob), Optional.empty()));
        assertThat(facts.get(copy.id())).isEqualTo(new PublicFacts(Optional.empty(), Optional.empty(), Optional.of(original.id())));
        assertThat(facts.get(bare.id())).isEqualTo(PublicFacts.NONE);
        assertThat(inTransaction(() -> reader().publicFactsOf(List.of()))).isEmpty();
    }

    @Test
    void videosAreReadWithTheirFactsByIdLeavingUnknownIdsOut() {
        Video original = newVideo();
        Video inMob = newVideo();
        Video copy = newVideo();
        MobId mob = mobWith(inMob.id());
        run(() -> nearDuplicates().save(new NearDuplicatePair(copy.id(), original.id(), 0.9, 0.9, AT)));

        Map<VideoId, VideoWithFacts> found = inTransaction(() -> reader().videosWithFacts(List.of(copy.id(), VideoId.generate(),
                inMob.id(), copy.id())));

        assertThat(found).containsOnlyKeys(copy.id(), inMob.id());
        assertThat(found.get(copy.id()).video().snapshot()).isEqualTo(copy.snapshot());
        assertThat(found.get(copy.id()).facts()).isEqualTo(new PublicFacts(Optional.empty(), Optional.empty(), Optional.of(original.id())));
        assertThat(found.get(inMob.id()).facts().mob()).contains(mob);
        assertThat(inTransaction(() -> reader().videosWithFacts(List.of()))).isEmpty();
    }
}
