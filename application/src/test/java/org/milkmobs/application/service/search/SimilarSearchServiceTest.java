package org.milkmobs.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.milkmobs.application.service.search.SearchFixture.along;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.search.NotAnalysedException;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.testing.InMemoryNearDuplicateStore;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * Look-alikes on the in-memory twins: the weighted modalities, the source left out, near-duplicates hidden when asked. Weighing
 * look and sound alone, each read is one k-NN by the fused vector (ADR 0036); {@link SimilarSearchServiceByLegsTest} weighs a
 * modality no video here has as well, so that the same cases are read by legs (ADR 0034) and must come out the same.
 */
class SimilarSearchServiceTest {

    private final SearchFixture world = new SearchFixture();
    private final InMemoryNearDuplicateStore nearDuplicates = new InMemoryNearDuplicateStore();
    /** Which read each request of a {@link #recording} service took. */
    private final List<String> reads = new java.util.ArrayList<>();
    private final SimilarSearchService service = new SimilarSearchService(world.similarReads, world.vectors,
            SearchFixture.MODEL, world.cards, weights(0.5, 0.5), SearchFixture.WINDOW,
            nearDuplicates);

    @Test
    void looksAndSoundTogetherRankTheLookAlikesAndTheSourceIsNeverAmongThem() {
        Video source = world.analysed("source", along(0), along(4));
        VideoId twin = world.analysed("looks and sounds alike", along(0), along(4)).id();
        VideoId looksOnly = world.analysed("looks alike, sounds different", along(0), along(5)).id();
        world.analysed("nothing alike", along(2), along(6));

        SearchResults results = service.similar(source.id(), options(Optional.empty()));

        assertThat(results.mode()).isEqualTo(SearchMode.VECTOR);
        assertThat(ids(results)).containsExactly(twin, looksOnly);
        assertThat(results.items().get(0).hit().score()).isCloseTo(1.0, within(1e-6));
        assertThat(results.items().get(1).hit().score()).as("visual 1, audio 0.5, half each").isCloseTo(0.75, within(1e-6));
        assertThat(results.items().get(0).hit().moments()).as("the best-matching clips").isNotEmpty();

        SearchResults lookOnly = service.similar(source.id(), options(Optional.of(weights(1.0, 0.0))));
        assertThat(lookOnly.items()).allSatisfy(r -> assertThat(r.hit().score()).isCloseTo(1.0, within(1e-6)));
    }

    @Test
    void aSilentLookAlikeOfAVideoWithSoundScoresItsSoundAsUnrelatedAndASilentSourceIsJudgedByLookAlone() {
        Video source = world.analysed("source", along(0), along(4));
        VideoId silent = world.silent("looks the same, no sound", along(0)).id();
        VideoId sounds = world.analysed("looks the same, sounds alike", along(0), along(4, 5)).id();

        SearchResults results = service.similar(source.id(), options(Optional.empty()));

        assertThat(ids(results)).containsExactly(sounds, silent);
        assertThat(results.items().get(1).hit().score()).as("visual 1, audio unrelated (0.5), half each").isCloseTo(0.75, within(1e-6));
        assertThat(results.items().get(1).hit().modalityScores()).containsEntry(Modality.AUDIO, 0.5);

        SearchResults ofTheSilent = service.similar(silent, options(Optional.empty()));
        assertThat(ids(ofTheSilent)).containsExactlyInAnyOrder(source.id(), sounds);
        assertThat(ofTheSilent.items()).allSatisfy(r -> assertThat(r.hit().score()).as("nothing to compare the sound with")
                .isCloseTo(1.0, within(1e-6)));
    }

    @Test
    void aNearDuplicateIsHiddenOnlyWhenAsked() {
        Video source = world.analysed("source", along(0), along(4));
        VideoId reUpload = world.analysed("re-upload", along(0), along(4)).id();
        VideoId alike = world.analysed("alike", along(0, 1), along(4)).id();
        nearDuplicates.save(new NearDuplicatePair(reUpload, source.id(), 0.95, 1.0, Instant.parse("2026-12-04T08:00:00Z")));

        assertThat(ids(service.similar(source.id(), options(Optional.empty())))).containsExactly(reUpload, alike);
        assertThat(ids(service.similar(source.id(), options(Optional.empty()), true))).containsExactly(alike);
    }

    @Test
    void aVideoNotYetAnalysedOrNotVisibleIsRefused() {
        Video bare = world.video("no asset vectors", along(0));
        Video theirs = world.analysed("someone else's, not validated", along(0), along(4));

        assertThatThrownBy(() -> service.similar(bare.id(), options(Optional.empty()))).isInstanceOf(NotAnalysedException.class);
        SearchOptions stranger = new SearchOptions(Caller.consumer(new UserId("stranger")), SearchFilters.NONE, 0.5, GroupBy.VIDEO, 10,
                Optional.empty());
        assertThatThrownBy(() -> service.similar(theirs.id(), stranger)).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void aLookAlikeBeyondTheFirstCandidatesStillRanksFirstAndPagesGoThroughTheWholeWindowOnce() {
        Video source = world.analysed("source", along(0), along(4));
        List<VideoId> fillers = new java.util.ArrayList<>();
        for (int i = 0; i < SimilarSearchService.FIRST_WINDOW + 10; i++) {
            fillers.add(world.analysed("looks alike, sounds different " + i, turned(0.001 * (i + 1)), along(5)).id());
        }
        VideoId soundsAlike = world.analysed("looks a little less alike, sounds the same", turned(0.5), along(4)).id();

        List<VideoId> seen = new java.util.ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            SearchResults page = service.similar(source.id(), new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0, GroupBy.VIDEO,
                    10, cursor));
            seen.addAll(ids(page));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(seen.get(0)).as("audio lifts it above the visually nearer fifty").isEqualTo(soundsAlike);
        assertThat(seen).doesNotHaveDuplicates().hasSize(fillers.size() + 1).containsAll(fillers);
        assertThat(seen.subList(1, seen.size())).as("the rest in visual order").containsExactlyElementsOf(fillers);
    }

    /** The smallest window the service takes (a full page of the largest size). */
    private static final int NARROW_WINDOW = SearchOptions.MAX_LIMIT;

    @Test
    void aVideoThatSoundsTheSameIsFoundByItsSoundThoughTheWholeVisualWindowLooksNearer() {
        SimilarSearchService narrow = new SimilarSearchService(world.similarReads, world.vectors, SearchFixture.MODEL, world.cards,
                weights(0.3, 0.7), NARROW_WINDOW, nearDuplicates);
        Video source = world.analysed("source", along(0), along(4));
        for (int i = 0; i < NARROW_WINDOW + 1; i++) {
            world.analysed("looks alike, sounds different " + i, turned(0.001 * (i + 1)), along(5));
        }
        VideoId soundsAlike = world.analysed("looks different, sounds the same", along(2), along(4)).id();

        SearchResults results = narrow.similar(source.id(), new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0, GroupBy.VIDEO, 10,
                Optional.empty()));

        assertThat(ids(results).get(0)).as("visual 0.5 and audio 1 weigh 0.85; the look-alikes 0.65").isEqualTo(soundsAlike);
        assertThat(results.items().get(0).hit().score()).isCloseTo(0.85, within(1e-6));
    }

    @Test
    void theNearestBySoundBoundWhatAVideoInNeitherLegCouldScoreSoThePageSettlesFromTheFirstWindow() {
        List<Integer> asked = new java.util.ArrayList<>();
        SimilarSearchService recorded = recording(asked);
        Video source = world.analysed("source", along(0), along(4));
        List<VideoId> byRank = new java.util.ArrayList<>();
        for (int i = 0; i < SimilarSearchService.FIRST_WINDOW + 10; i++) {
            // a little further in look and in sound, one after the other: no later one outranks an earlier one
            byRank.add(world.analysed("alike " + i, turned(0.001 * (i + 1)), turnedFrom(4, 5, 0.01 * (i + 1))).id());
        }

        SearchResults page = recorded.similar(source.id(), new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0, GroupBy.VIDEO, 10,
                Optional.empty()), false);

        // a bound of the visual leg alone (audio at most 1) would lie above the eleventh; with the audio leg's lowest it does not
        assertThat(asked).as("the first window settles the page").containsExactly(SimilarSearchService.FIRST_WINDOW);
        assertThat(reads).containsOnly(expectedRead());
        assertThat(ids(page)).containsExactlyElementsOf(byRank.subList(0, 10));
    }

    @Test
    void whereMostRequestsLatelyWidenedTheWholeWindowIsReadAtOnceAndThePagesAreTheSame() {
        List<Integer> asked = new java.util.ArrayList<>();
        SimilarSearchService adaptive = recording(asked);
        Video source = world.analysed("source", along(0), along(4));
        // alike in look and in sound, all the same: the nearest of either leg cannot tell the page from the videos beyond it
        for (int i = 0; i < SimilarSearchService.FIRST_WINDOW + 10; i++) {
            world.analysed("alike " + i, turned(0.01), along(4, 5));
        }
        VideoId soundsAlike = world.analysed("looks a little less alike, sounds the same", turned(0.5), along(4)).id();
        SearchOptions firstPage = new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0, GroupBy.VIDEO, 10, Optional.empty());
        SearchResults widened = adaptive.similar(source.id(), firstPage, false);
        SearchResults secondPage = adaptive.similar(source.id(), new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0, GroupBy.VIDEO,
                10, widened.nextCursor()), false);
        // each page read the first window and then widened
        assertThat(asked).containsExactly(SimilarSearchService.FIRST_WINDOW, SearchFixture.WINDOW, SimilarSearchService.FIRST_WINDOW,
                SearchFixture.WINDOW);
        assertThat(ids(widened).get(0)).isEqualTo(soundsAlike);

        for (int i = 0; i < 2 * WideningRate.MEMORY; i++) {
            adaptive.similar(source.id(), firstPage, false);
        }
        asked.clear();
        SearchResults atOnce = adaptive.similar(source.id(), firstPage, false);
        SearchResults secondAtOnce = adaptive.similar(source.id(), new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0,
                GroupBy.VIDEO, 10, atOnce.nextCursor()), false);

        assertThat(asked).as("the whole window at once").containsExactly(SearchFixture.WINDOW, SearchFixture.WINDOW);
        assertThat(ids(atOnce)).isEqualTo(ids(widened));
        assertThat(atOnce.nextCursor()).isEqualTo(widened.nextCursor());
        assertThat(ids(secondAtOnce)).isEqualTo(ids(secondPage));

        // requests that the first window settles (here: nothing passes the filter) bring the first window back
        SearchOptions nobodys = new SearchOptions(SearchFixture.ADMIN, new SearchFilters(Optional.empty(), Optional.of(new UserId("nobody")),
                Hashtags.NONE, Optional.empty(), Optional.empty(), Set.of()), 0, GroupBy.VIDEO, 10, Optional.empty());
        for (int i = 0; i < 2 * WideningRate.MEMORY; i++) {
            adaptive.similar(source.id(), nobodys, false);
        }
        asked.clear();
        assertThat(ids(adaptive.similar(source.id(), firstPage, false))).isEqualTo(ids(widened));
        assertThat(asked).containsExactly(SimilarSearchService.FIRST_WINDOW, SearchFixture.WINDOW);
        assertThat(reads).containsOnly(expectedRead());
    }

    /** Look and sound weighed as given, and nothing else. */
    protected ModalityWeights weights(double visual, double audio) {
        return new ModalityWeights(Map.of(Modality.VISUAL, visual, Modality.AUDIO, audio));
    }

    /** The read the service takes with {@link #weights}. */
    protected String expectedRead() {
        return "fused";
    }

    /**
     * The service on the twins, the depth of each read of the source's nearest recorded in {@code asked}, and checked to be the
     * read {@link #expectedRead} says.
     */
    private SimilarSearchService recording(List<Integer> asked) {
        SimilarReadPort recording = new SimilarReadPort() {
            @Override
            public Optional<SourceWithNearest> sourceWithNearest(VideoId video, EmbeddingModel model, Visibility visibility,
                                                                 SearchFilters filters, Set<Modality> alongside, int k) {
                asked.add(k);
                reads.add("legs");
                return world.similarReads.sourceWithNearest(video, model, visibility, filters, alongside, k);
            }

            @Override
            public Optional<SourceWithFused> sourceWithFusedNearest(VideoId video, EmbeddingModel model, Visibility visibility,
                                                                    SearchFilters filters, ModalityWeights weights, int k) {
                asked.add(k);
                reads.add("fused");
                return world.similarReads.sourceWithFusedNearest(video, model, visibility, filters, weights, k);
            }

            @Override
            public Page page(EmbeddingModel model, Set<Modality> modalities, VideoId source, Collection<VideoId> videos, int perVideo) {
                return world.similarReads.page(model, modalities, source, videos, perVideo);
            }
        };
        return new SimilarSearchService(recording, world.vectors, SearchFixture.MODEL, world.cards,
                weights(0.5, 0.5), SearchFixture.WINDOW, nearDuplicates);
    }

    /** A unit vector {@code radians} away from axis {@code from}, towards axis {@code to}. */
    private static float[] turnedFrom(int from, int to, double radians) {
        float[] v = new float[SearchFixture.MODEL.dimension()];
        v[from] = (float) Math.cos(radians);
        v[to] = (float) Math.sin(radians);
        return v;
    }

    /** A unit vector {@code radians} away from axis 0, towards axis 1. */
    private static float[] turned(double radians) {
        return turnedFrom(0, 1, radians);
    }

    private static SearchOptions options(Optional<ModalityWeights> weights) {
        return new SearchOptions(SearchFixture.ADMIN, SearchFilters.NONE, 0.6, GroupBy.VIDEO, 10, Optional.empty(), weights);
    }

    private static List<VideoId> ids(SearchResults results) {
        return results.items().stream().map(r -> r.video().video().id()).toList();
    }
}
