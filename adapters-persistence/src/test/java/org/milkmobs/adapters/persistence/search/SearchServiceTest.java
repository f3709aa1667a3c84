package org.milkmobs.adapters.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.duplicate.NearDuplicateStorageForTests;
import org.milkmobs.adapters.persistence.embedding.EmbeddingStorageForTests;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.search.AudioSearch;
import org.milkmobs.application.port.in.search.NotAnalysedException;
import org.milkmobs.application.port.in.search.QueryNotFoundException;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchByTextUseCase;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.in.search.SearchResults.SearchResult;
import org.milkmobs.application.port.in.search.SearchSimilarUseCase;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.service.search.MediaSearchService;
import org.milkmobs.application.service.search.MomentSearchService;
import org.milkmobs.application.service.search.QueryVectors;
import org.milkmobs.application.service.search.ResultCards;
import org.milkmobs.application.service.search.SimilarSearchService;
import org.milkmobs.application.service.search.TextSearchService;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.application.service.video.VideoUrls;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.Moment;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.NearDuplicatePair;
import org.milkmobs.domain.video.NearDuplicates;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** The search use cases on the real adapters and PostgreSQL; only the query embedder is a stand-in. */
class SearchServiceTest extends PersistenceTest {

    private static final EmbeddingModel MODEL = new EmbeddingModel("local-perceptual-v1", 128);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Caller ADMIN = Caller.admin(new UserId("root"));
    private static final Caller CAROL = Caller.consumer(new UserId("carol"));
    private static final double CLIP_SECONDS = 4.5;
    private static final ModalityWeights WEIGHTS = new ModalityWeights(Map.of(Modality.VISUAL, 0.7, Modality.AUDIO, 0.3));

    private final SearchData data = new SearchData(em);
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return tx(work);
        }
    };

    private SearchService service(FakeQueryEmbedder embedder) {
        return service(embedder, clip -> new AudioClip(clip, CLIP_SECONDS));
    }

    private SearchService service(FakeQueryEmbedder embedder, AudioClipProber audioProber) {
        QueryVectors queries = new QueryVectors(embedder, audioProber, new QueryEmbeddingCacheAdapter(em), transactions,
                Clock.fixed(T0, ZoneOffset.UTC));
        ResultCards cards = new ResultCards(VideoStorageForTests.details(em), new VideoUrls(
                new InMemoryBlobStorage(), new UploadSettings(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofHours(24))));
        VectorSearchSqlAdapter vectors = new VectorSearchSqlAdapter(em);
        return new SearchService(new SimilarSearchService(new SimilarReadSqlAdapter(em), vectors, embedder.model(), cards, WEIGHTS, 100,
                NearDuplicateStorageForTests.adapter(em)),
                new TextSearchService(vectors, new TextSearchSqlAdapter(em), queries, cards, 100, transactions),
                new MediaSearchService(vectors, queries, cards, 100, transactions));
    }

    /** The searches over PostgreSQL, one service each, as the WAR wires them. */
    private record SearchService(SimilarSearchService similarSearch, TextSearchService textSearch, MediaSearchService mediaSearch)
            implements SearchSimilarUseCase, SearchByTextUseCase, SearchByMediaUseCase {

        @Override
        public SearchResults similar(VideoId video, SearchOptions options, boolean hideNearDuplicates) {
            return similarSearch.similar(video, options, hideNearDuplicates);
        }

        @Override
        public SearchResults byText(String text, Optional<SearchMode> mode, Fusion fusion, SearchOptions options) {
            return textSearch.byText(text, mode, fusion, options);
        }

        @Override
        public SearchResults byImage(byte[] image, SearchOptions options) {
            return mediaSearch.byImage(image, options);
        }

        @Override
        public SearchResults imageById(String queryId, SearchOptions options) {
            return mediaSearch.imageById(queryId, options);
        }

        @Override
        public AudioSearch byAudio(byte[] audio, SearchOptions options) {
            return mediaSearch.byAudio(audio, options);
        }

        @Override
        public AudioSearch resumeAudio(String queryId, SearchOptions options) {
            return mediaSearch.resumeAudio(queryId, options);
        }
    }

    private static SearchOptions options(Caller caller) {
        return new SearchOptions(caller, SearchFilters.NONE, 0.5, GroupBy.VIDEO, 20, Optional.empty());
    }

    private static SearchOptions options(Caller caller, double threshold, GroupBy groupBy, int limit, Optional<String> cursor) {
        return new SearchOptions(caller, SearchFilters.NONE, threshold, groupBy, limit, cursor);
    }

    private Video analysed(String owner, VideoStatus status, float[] visual, float[] audio, List<float[]> clips) {
        Video video = data.video(owner, status, T0);
        storeVectors(video, visual, audio, clips);
        return video;
    }

    private void storeVectors(Video video, float[] visual, float[] audio, List<float[]> clips) {
        List<Embedding> embeddings = new ArrayList<>();
        embeddings.add(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 4 * clips.size()), visual));
        if (audio != null) {
            embeddings.add(new Embedding(MODEL, Modality.AUDIO, Scope.ASSET, new Segment(0, 4 * clips.size()), audio));
        }
        for (int i = 0; i < clips.size(); i++) {
            embeddings.add(new Embedding(MODEL, Modality.VISUAL, Scope.CLIP, new Segment(4 * i, 4 * i + 4), clips.get(i)));
        }
        data.embeddings(video.id(), MODEL, embeddings);
    }

    private static List<VideoId> ids(SearchResults results) {
        return results.items().stream().map(r -> r.hit().video()).toList();
    }

    @Test
    void similarVideosRankByWeightedVisualAndAudioScoreWithTheirBestMoment() {
        float[] visual = data.randomUnit(128);
        float[] audio = data.randomUnit(128);
        float[] opening = data.randomUnit(128);
        Video source = analysed("ann", VideoStatus.VALIDATED, visual, audio, List.of(opening, data.randomUnit(128)));
        // both look alike; only the first also sounds alike, and its third clip replays the source's opening
        Video soundsAlike = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.3), data.near(audio, 0.2),
                List.of(data.randomUnit(128), data.randomUnit(128), data.near(opening, 0.05)));
        Video silentAlike = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.3), data.randomUnit(128),
                List.of(data.randomUnit(128)));
        Video duplicate = data.video("bob", VideoStatus.VALIDATED, "copy", "", Hashtags.NONE, T0,
                source.media().orElseThrow().contentHash().sha256());
        storeVectors(duplicate, visual, audio, List.of(opening));

        SearchResults results = service(new FakeQueryEmbedder(MODEL, false)).similar(source.id(), options(CAROL));

        assertThat(results.mode()).isEqualTo(SearchMode.VECTOR);
        assertThat(results.model()).isEqualTo(MODEL.id());
        assertThat(ids(results)).startsWith(soundsAlike.id(), silentAlike.id()).doesNotContain(source.id(), duplicate.id());
        SearchResult best = results.items().get(0);
        double visualScore = best.hit().modalityScores().get(Modality.VISUAL);
        double audioScore = best.hit().modalityScores().get(Modality.AUDIO);
        assertThat(best.hit().score()).isCloseTo(0.7 * visualScore + 0.3 * audioScore, within(1e-9));
        assertThat(best.hit().moments().get(0).segment()).isEqualTo(new Segment(8, 12));
        assertThat(best.hit().moments().get(0).score()).isGreaterThan(0.95);
        assertThat(best.video().video().id()).isEqualTo(soundsAlike.id());
        assertThat(best.video().video().title().value()).isEqualTo("A video");
    }

    @Test
    void hidingNearDuplicatesDropsThoseOfTheSourceAndOfHigherRankedHits() {
        float[] visual = data.randomUnit(128);
        Video source = analysed("ann", VideoStatus.VALIDATED, visual, null, List.of(visual));
        Video first = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.1), null, List.of(visual));
        Video reEditOfFirst = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.3), null, List.of(visual));
        Video reEditOfSource = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.5), null, List.of(visual));
        Video other = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.7), null, List.of(visual));
        NearDuplicates.Comparison match = new NearDuplicates.Comparison(1.0, 1, 1.0, true);
        txRun(() -> {
            NearDuplicateStorageForTests.adapter(em).save(NearDuplicatePair.of(reEditOfFirst.id(), first.id(), match, T0));
            NearDuplicateStorageForTests.adapter(em).save(NearDuplicatePair.of(reEditOfSource.id(), source.id(), match, T0));
        });
        SearchService search = service(new FakeQueryEmbedder(MODEL, false));
        SearchOptions options = options(ADMIN, 0.0, GroupBy.VIDEO, 20, Optional.empty());

        assertThat(ids(search.similar(source.id(), options))).containsExactly(first.id(), reEditOfFirst.id(), reEditOfSource.id(), other.id());
        SearchResults distinct = search.similar(source.id(), options, true);
        assertThat(ids(distinct)).containsExactly(first.id(), other.id());
        SearchResults firstPage = search.similar(source.id(), options(ADMIN, 0.0, GroupBy.VIDEO, 1, Optional.empty()), true);
        assertThat(ids(search.similar(source.id(), options(ADMIN, 0.0, GroupBy.VIDEO, 1, firstPage.nextCursor()), true)))
                .as("the next page continues the same filtered ranking").containsExactly(other.id());
        assertThatThrownBy(() -> search.similar(source.id(), options(ADMIN, 0.0, GroupBy.VIDEO, 1, firstPage.nextCursor())))
                .as("a cursor belongs to its own kind of ranking").isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theThresholdDropsWeakMatches() {
        float[] visual = data.randomUnit(128);
        Video source = analysed("ann", VideoStatus.VALIDATED, visual, null, List.of(visual));
        Video close = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.2), null, List.of(visual));
        Video far = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 1.2), null, List.of(visual));
        SearchService search = service(new FakeQueryEmbedder(MODEL, false));

        assertThat(ids(search.similar(source.id(), options(ADMIN, 0.0, GroupBy.VIDEO, 20, Optional.empty()))))
                .containsExactly(close.id(), far.id());
        SearchResults strict = search.similar(source.id(), options(ADMIN, 0.95, GroupBy.VIDEO, 20, Optional.empty()));
        assertThat(ids(strict)).containsExactly(close.id());
        assertThat(strict.items()).allSatisfy(r -> assertThat(r.hit().score()).isGreaterThanOrEqualTo(0.95));
    }

    @Test
    void similarRespectsWhoMaySeeWhat() {
        float[] visual = data.randomUnit(128);
        Video annsDraft = analysed("ann", VideoStatus.ANALYZED, visual, null, List.of(visual));
        Video validated = analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.2), null, List.of(visual));
        Video bobsRejected = analysed("bob", VideoStatus.REJECTED, data.near(visual, 0.2), null, List.of(visual));
        Video unanalysed = data.video("bob", VideoStatus.VALIDATED, T0);
        SearchService search = service(new FakeQueryEmbedder(MODEL, false));

        assertThat(ids(search.similar(annsDraft.id(), options(Caller.consumer(new UserId("ann")))))).containsExactly(validated.id());
        assertThat(ids(search.similar(annsDraft.id(), options(ADMIN)))).containsExactlyInAnyOrder(validated.id(), bobsRejected.id());
        assertThatThrownBy(() -> search.similar(annsDraft.id(), options(CAROL))).isInstanceOf(VideoNotFoundException.class);
        assertThatThrownBy(() -> search.similar(unanalysed.id(), options(CAROL))).isInstanceOf(NotAnalysedException.class);
        SearchOptions byStatus = new SearchOptions(CAROL, new SearchFilters(Optional.empty(), Optional.empty(), Hashtags.NONE,
                Optional.empty(), Optional.empty(), Set.of(VideoStatus.REJECTED)), 0.5, GroupBy.VIDEO, 20, Optional.empty());
        assertThatThrownBy(() -> search.similar(validated.id(), byStatus)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void cursorsPageThroughTheWindowWithoutDuplicatesOrGaps() {
        float[] visual = data.randomUnit(128);
        Video source = analysed("ann", VideoStatus.VALIDATED, visual, data.randomUnit(128), List.of(visual));
        for (int i = 0; i < 40; i++) {
            analysed("bob", VideoStatus.VALIDATED, data.near(visual, 0.2 + i * 0.02), data.randomUnit(128), List.of(visual));
        }
        SearchService search = service(new FakeQueryEmbedder(MODEL, false));
        List<VideoId> all = ids(search.similar(source.id(), options(ADMIN, 0, GroupBy.VIDEO, 100, Optional.empty())));
        assertThat(all).hasSize(40);

        List<VideoId> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            SearchResults page = search.similar(source.id(), options(ADMIN, 0, GroupBy.VIDEO, 7, cursor));
            paged.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(6);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(new HashSet<>(paged)).hasSize(40);

        SearchResults first = search.similar(source.id(), options(ADMIN, 0, GroupBy.VIDEO, 7, Optional.empty()));
        assertThatThrownBy(() -> search.similar(source.id(), options(ADMIN, 0.6, GroupBy.VIDEO, 7, first.nextCursor())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("different search");
        assertThatThrownBy(() -> search.similar(source.id(), options(ADMIN, 0, GroupBy.VIDEO, 7, Optional.of("not-a-cursor"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("cursor");
    }

    @Test
    void anImageFindsClipsGroupedPerVideoOrOnePerClip() {
        float[] picture = data.randomUnit(128);
        Video twice = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null,
                List.of(data.near(picture, 0.1), data.randomUnit(128), data.near(picture, 0.2)));
        Video once = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null, List.of(data.randomUnit(128), data.near(picture, 0.4)));
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, false).image(picture);
        SearchService search = service(embedder);
        byte[] image = "an image".getBytes(StandardCharsets.UTF_8);

        SearchResults perVideo = search.byImage(image, options(CAROL, 0.75, GroupBy.VIDEO, 20, Optional.empty()));
        assertThat(ids(perVideo)).containsExactly(twice.id(), once.id());
        assertThat(perVideo.items().get(0).hit().moments()).extracting(Moment::segment)
                .containsExactly(new Segment(0, 4), new Segment(8, 12));
        assertThat(perVideo.queryId()).contains(QueryVectors.sha256(image));

        SearchResults perClip = search.byImage(image, options(CAROL, 0.75, GroupBy.CLIP, 20, Optional.empty()));
        assertThat(perClip.items()).hasSize(3).allSatisfy(r -> assertThat(r.hit().moments()).hasSize(1));
        assertThat(perClip.items().get(0).hit().moments().get(0).segment()).isEqualTo(new Segment(0, 4));
        assertThat(perClip.items()).isSortedAccordingTo((a, b) -> Double.compare(b.hit().score(), a.hit().score()));

        // paging on by the query id needs neither the image nor the model again
        SearchResults byId = search.imageById(perVideo.queryId().orElseThrow(), options(CAROL, 0.75, GroupBy.VIDEO, 20, Optional.empty()));
        assertThat(ids(byId)).containsExactly(twice.id(), once.id());
        assertThat(embedder.imageCalls).isEqualTo(1);
        assertThatThrownBy(() -> search.imageById("0".repeat(64), options(CAROL))).isInstanceOf(QueryNotFoundException.class);
    }

    /** Issue 21 #5: the moment's overlapping clips, averaged, are the query; the source and its copies never come back. */
    @Test
    void aMomentOfAVideoFindsTheClipsThatLookLikeIt() {
        float[] opening = data.randomUnit(128);
        float[] ending = data.randomUnit(128);
        Video source = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null, List.of(opening, data.randomUnit(128), ending));
        Video sameEnding = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null, List.of(data.randomUnit(128), data.near(ending, 0.1)));
        Video sameOpening = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null, List.of(data.near(opening, 0.1)));
        MomentSearchService moments = new MomentSearchService(VideoStorageForTests.adapter(em), EmbeddingStorageForTests.adapter(em),
                new VectorSearchSqlAdapter(em), MODEL, new ResultCards(VideoStorageForTests.details(em),
                new VideoUrls(new InMemoryBlobStorage(), new UploadSettings(Duration.ofMinutes(15), Duration.ofHours(1),
                        Duration.ofMinutes(1), Duration.ofHours(24)))), 100, transactions);

        SearchResults end = moments.likeMoment(source.id(), new Segment(9, 11), options(CAROL, 0.75, GroupBy.VIDEO, 20, Optional.empty()));
        assertThat(ids(end)).containsExactly(sameEnding.id());
        assertThat(end.items().get(0).hit().moments().get(0).segment()).isEqualTo(new Segment(4, 8));
        assertThat(ids(moments.likeMoment(source.id(), new Segment(1, 1), options(CAROL, 0.75, GroupBy.CLIP, 20, Optional.empty()))))
                .as("an instant picks its clip").containsExactly(sameOpening.id());
        assertThatThrownBy(() -> moments.likeMoment(source.id(), new Segment(30, 40), options(CAROL)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("outside the video's clips (0–12.0 s)");
        assertThatThrownBy(() -> moments.likeMoment(VideoId.generate(), new Segment(0, 4), options(CAROL)))
                .isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void withoutATextSpaceTextSearchIsFullTextWithSnippetsAndMatchingMoments() {
        Video onScreen = data.video("bob", VideoStatus.VALIDATED, "Morning routine", "", Hashtags.NONE, T0, data.uniqueHash());
        data.analysis(onScreen.id(), "POUR THE MILK SLOWLY", "", List.of(new Highlight(new Segment(2, 5), "milk pours into a glass"),
                new Highlight(new Segment(6, 9), "a cat watches")));
        Video inTitle = data.video("bob", VideoStatus.VALIDATED, "Milk challenge", "", Hashtags.of("milkmob"), T0, data.uniqueHash());
        Video hidden = data.video("bob", VideoStatus.REJECTED, "Milk everywhere", "", Hashtags.NONE, T0, data.uniqueHash());
        data.video("bob", VideoStatus.VALIDATED, "Orange juice", "", Hashtags.NONE, T0, data.uniqueHash());
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, false);

        SearchResults results = service(embedder).byText("milk", options(CAROL));

        assertThat(results.mode()).isEqualTo(SearchMode.FULL_TEXT);
        assertThat(results.note()).hasValueSatisfying(note -> assertThat(note).contains("full-text"));
        assertThat(ids(results)).containsExactly(inTitle.id(), onScreen.id()).doesNotContain(hidden.id());
        SearchResult ocr = results.items().get(1);
        assertThat(ocr.hit().snippet()).hasValueSatisfying(snippet -> {
            assertThat(snippet.field()).isEqualTo("ocr");
            assertThat(snippet.text()).isEqualTo("POUR THE MILK SLOWLY");
            assertThat(snippet.highlights()).singleElement()
                    .satisfies(h -> assertThat(snippet.text().substring(h.start(), h.end())).isEqualTo("MILK"));
        });
        assertThat(ocr.hit().moments()).extracting(Moment::segment).containsExactly(new Segment(2, 5));
        assertThat(results.items().get(0).hit().snippet()).isEmpty();
        assertThat(service(embedder).byText("milk", options(ADMIN)).items()).hasSize(3);
    }

    /** Issue 21 #1: the spellings of one intent all find the same videos, on the full-text leg alone. */
    @Test
    void aQueryFindsWhatIsMeantHoweverItIsSpelled() {
        Video tagged = data.video("bob", VideoStatus.VALIDATED, "Friday", "", Hashtags.of("milkmob"), T0, data.uniqueHash());
        Video said = data.video("bob", VideoStatus.VALIDATED, "Our Milk Mob at the beach", "", Hashtags.NONE, T0, data.uniqueHash());
        Video accented = data.video("bob", VideoStatus.VALIDATED, "Café crème à Paris", "", Hashtags.NONE, T0, data.uniqueHash());
        data.video("bob", VideoStatus.VALIDATED, "Orange juice mobile", "", Hashtags.of("juice"), T0, data.uniqueHash());
        SearchService search = service(new FakeQueryEmbedder(MODEL, false));

        for (String spelling : List.of("milk mob", "milkmob", "#MilkMob", "milk-mob", "MILK MOB ", "milkmbo", "mikmob", "milkm")) {
            assertThat(ids(search.byText(spelling, options(CAROL)))).as(spelling).containsExactlyInAnyOrder(tagged.id(), said.id());
        }
        for (String spelling : List.of("cafe creme", "CAFÉ", "créme paris ")) {
            assertThat(ids(search.byText(spelling, options(CAROL)))).as(spelling).containsExactly(accented.id());
        }
        assertThat(ids(search.byText("milk mob -beach", options(CAROL)))).containsExactly(tagged.id());
        assertThat(ids(search.byText("zebra", options(CAROL)))).isEmpty();
    }

    @Test
    void aMatchAsTypedRanksAboveAMatchThroughATypo() {
        Video exact = data.video("bob", VideoStatus.VALIDATED, "sunset", "", Hashtags.of("milkmob"), T0, data.uniqueHash());
        Video typo = data.video("bob", VideoStatus.VALIDATED, "Friday", "", Hashtags.of("milkmop"), T0, data.uniqueHash());
        SearchService search = service(new FakeQueryEmbedder(MODEL, false));

        assertThat(ids(search.byText("milkmob sunset ", options(CAROL)))).containsExactly(exact.id());
        assertThat(ids(search.byText("milkmob ", options(CAROL)))).as("the word exists: no typo reading").containsExactly(exact.id());
        assertThat(ids(search.byText("milkmoc ", options(CAROL)))).containsExactlyInAnyOrder(exact.id(), typo.id());
    }

    @Test
    void withATextSpaceVectorAndTextRankingsAreFusedAndTheQueryVectorIsPaidOnce() {
        float[] meaning = data.randomUnit(128);
        Video looksLikeIt = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null,
                List.of(data.randomUnit(128), data.near(meaning, 0.1)));
        Video saysIt = data.video("bob", VideoStatus.VALIDATED, "Milk pouring", "", Hashtags.NONE, T0, data.uniqueHash());
        Video both = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null, List.of(data.near(meaning, 0.2)));
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, true).text("milk pouring", meaning);
        SearchService search = service(embedder);
        txRun(() -> em.createNativeQuery("UPDATE video SET title = 'Pouring milk' WHERE id = ?1").setParameter(1, both.id().value())
                .executeUpdate());

        SearchResults results = search.byText("Milk   Pouring", options(CAROL, 0.75, GroupBy.VIDEO, 20, Optional.empty()));

        assertThat(results.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(results.note()).isEmpty();
        assertThat(ids(results)).containsExactlyInAnyOrder(looksLikeIt.id(), saysIt.id(), both.id());
        assertThat(ids(results).get(0)).as("high in both lists").isEqualTo(both.id());
        SearchResult visual = results.items().stream().filter(r -> r.hit().video().equals(looksLikeIt.id())).findFirst().orElseThrow();
        assertThat(visual.hit().moments().get(0).segment()).isEqualTo(new Segment(4, 8));
        assertThat(visual.hit().modalityScores()).containsKey(Modality.VISUAL);

        search.byText("  milk pouring ", options(CAROL));
        assertThat(embedder.textCalls).as("the same normalised query is embedded once").isEqualTo(1);

        SearchResult bothLegs = results.items().get(0);
        assertThat(bothLegs.hit().legs()).containsOnlyKeys(Leg.VECTOR, Leg.FULL_TEXT);
        assertThat(visual.hit().legs()).containsOnlyKeys(Leg.VECTOR);
        SearchOptions loose = options(CAROL, 0.75, GroupBy.VIDEO, 20, Optional.empty());
        SearchResults byMeaning = search.byText("milk pouring", Optional.empty(), Fusion.relative(1), loose);
        assertThat(byMeaning.items().stream().filter(r -> r.hit().video().equals(saysIt.id())).findFirst().orElseThrow().hit().score())
                .as("alpha 1: a hit found by its words alone scores 0").isZero();
        SearchResults byWords = search.byText("milk pouring", Optional.empty(), Fusion.relative(0), loose);
        assertThat(byWords.items().stream().filter(r -> r.hit().video().equals(looksLikeIt.id())).findFirst().orElseThrow().hit().score())
                .as("alpha 0: a hit found by its meaning alone scores 0").isZero();
        assertThat(byWords.items()).allSatisfy(r -> assertThat(r.hit().score()).isBetween(0.0, 1.0));
    }

    /** Defect 17: the mode a client asks for is the mode it gets, or a refusal that says why. */
    @Test
    void aClientAsksForFullTextOrVectorExplicitly() {
        float[] meaning = data.randomUnit(128);
        Video looksLikeIt = analysed("bob", VideoStatus.VALIDATED, data.randomUnit(128), null, List.of(data.near(meaning, 0.1)));
        Video saysIt = data.video("bob", VideoStatus.VALIDATED, "Splashing cream", "", Hashtags.NONE, T0, data.uniqueHash());
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, true).text("splashing cream", meaning);
        SearchService search = service(embedder);

        SearchResults fullText = search.byText("splashing cream", Optional.of(SearchMode.FULL_TEXT), options(CAROL));
        assertThat(fullText.mode()).isEqualTo(SearchMode.FULL_TEXT);
        assertThat(ids(fullText)).contains(saysIt.id()).doesNotContain(looksLikeIt.id());
        assertThat(embedder.textCalls).as("full text never calls the model").isZero();

        SearchResults vector = search.byText("splashing cream", Optional.of(SearchMode.VECTOR), options(CAROL, 0.75, GroupBy.VIDEO, 20, Optional.empty()));
        assertThat(vector.mode()).isEqualTo(SearchMode.VECTOR);
        assertThat(ids(vector)).contains(looksLikeIt.id()).doesNotContain(saysIt.id());

        assertThatThrownBy(() -> service(new FakeQueryEmbedder(MODEL, false)).byText("milk", Optional.of(SearchMode.VECTOR), options(CAROL)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("mode"));
    }

    @Test
    void anAudioSearchIsPendingUntilTheModelHasEmbeddedTheClip() {
        float[] sound = data.randomUnit(128);
        Video loud = data.video("bob", VideoStatus.VALIDATED, T0);
        data.embeddings(loud.id(), MODEL, List.of(new Embedding(MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 8), data.randomUnit(128)),
                new Embedding(MODEL, Modality.AUDIO, Scope.CLIP, new Segment(4, 8), data.near(sound, 0.1))));
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, false).audio(sound, 2);
        SearchService search = service(embedder);
        byte[] clip = "a sound".getBytes(StandardCharsets.UTF_8);

        AudioSearch first = search.byAudio(clip, options(CAROL));
        assertThat(first).isInstanceOf(AudioSearch.Pending.class);
        String queryId = ((AudioSearch.Pending) first).queryId();
        assertThat(queryId).isEqualTo(QueryVectors.sha256(clip));
        assertThat(search.resumeAudio(queryId, options(CAROL))).isInstanceOf(AudioSearch.Pending.class);
        AudioSearch done = search.resumeAudio(queryId, options(CAROL));

        assertThat(done).isInstanceOf(AudioSearch.Found.class);
        SearchResults results = ((AudioSearch.Found) done).results();
        assertThat(ids(results)).containsExactly(loud.id());
        assertThat(results.items().get(0).hit().moments().get(0)).satisfies(m -> {
            assertThat(m.segment()).isEqualTo(new Segment(4, 8));
            assertThat(m.modality()).isEqualTo(Modality.AUDIO);
        });
        // posting the same clip again reuses the finished embedding
        assertThat(search.byAudio(clip, options(CAROL))).isInstanceOf(AudioSearch.Found.class);
        assertThat(embedder.audioCalls).isEqualTo(1);
        assertThat(embedder.audioSeconds).as("the model is told the probed duration it is paid by").isEqualTo(CLIP_SECONDS);
        assertThat(embedder.resumeCalls).isEqualTo(2);
        assertThatThrownBy(() -> search.resumeAudio("f".repeat(64), options(CAROL))).isInstanceOf(QueryNotFoundException.class);
        assertThatThrownBy(() -> search.resumeAudio("../etc", options(CAROL))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anAudioClipTheProberRejectsIsNeverSentToTheModel() {
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, false).audio(data.randomUnit(128), 0);
        SearchService search = service(embedder, clip -> {
            throw MediaRejectedException.invalid("the audio clip lasts 3600.0 s; a search clip may last at most 60 s");
        });

        assertThatThrownBy(() -> search.byAudio("an hour of speech".getBytes(StandardCharsets.UTF_8), options(CAROL)))
                .isInstanceOf(MediaRejectedException.class).hasMessageContaining("at most 60 s");
        assertThat(embedder.audioCalls).isZero();
    }

    @Test
    void badQueriesAreRefusedBeforeAnythingIsPaid() {
        FakeQueryEmbedder embedder = new FakeQueryEmbedder(MODEL, true);
        SearchService search = service(embedder);
        assertThatThrownBy(() -> search.byText("   ", options(CAROL))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> search.byText("x".repeat(10 * 1024 * 1024), options(CAROL))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> search.byImage(new byte[0], options(CAROL))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SearchOptions(CAROL, SearchFilters.NONE, 0.5, GroupBy.VIDEO, -1, Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> new SearchOptions(CAROL, SearchFilters.NONE, 1.5, GroupBy.VIDEO, 10, Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("threshold");
        assertThat(embedder.textCalls + embedder.imageCalls).isZero();
    }
}
