package org.milkmobs.adapters.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.mob.MobStoreForTests;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.port.out.search.VectorSearchPort.NearestQuery;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.VectorMatch;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** The k-NN adapter on real PostgreSQL + pgvector: the HNSW path's recall, the filters, and model isolation. */
class VectorSearchTest extends PersistenceTest {

    private static final EmbeddingModel LOCAL = new EmbeddingModel("local-perceptual-v1", 128);
    /** Same dimension as the local model, and no index of its own: the isolation must not rest on either. */
    private static final EmbeddingModel OTHER = new EmbeddingModel("other-model-v1", 128);
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final VectorSearchSqlAdapter search = new VectorSearchSqlAdapter(em);
    private final SearchData data = new SearchData(em);

    private NearestQuery query(EmbeddingModel model, Scope scope, float[] vector, Visibility visibility, SearchFilters filters, int k) {
        return new NearestQuery(model, scope, Set.of(Modality.VISUAL), vector, visibility, filters, Optional.empty(), Optional.empty(), k);
    }

    private static Embedding asset(EmbeddingModel model, float[] vector) {
        return new Embedding(model, Modality.VISUAL, Scope.ASSET, new Segment(0, 12), vector);
    }

    /** The top ten, and the 200-row window a search re-ranks: the iterative scan fills the window from ef_search 40. */
    @Test
    void theHnswPathFindsAtLeast95PercentOfTheExactTopTenAndOfTheWindowOnClusteredData() {
        SyntheticCorpus corpus = SyntheticCorpus.load(database.dataSource(), LOCAL, 4000, 40, 3, 0.6, 17);
        // a consumer's view: validated videos plus their own, so the filter runs inside the index scan
        txRun(() -> em.createNativeQuery("UPDATE video SET status = 'REJECTED' WHERE owner_id IN ('owner-1', 'owner-2')").executeUpdate());
        for (int k : new int[] {10, 200}) {
            double recall = recall(corpus, k);
            System.out.printf("HNSW recall@%d against an exact scan: %.3f%n", k, recall);
            assertThat(recall).as("recall@%d", k).isGreaterThanOrEqualTo(0.95);
        }
    }

    private double recall(SyntheticCorpus corpus, int k) {
        Random random = new Random(5);
        List<Visibility> views = List.of(Visibility.everything(), Visibility.of(Caller.consumer(new UserId("owner-1"))));
        double found = 0;
        int queries = 0;
        for (Visibility view : views) {
            for (int q = 0; q < 40; q++) {
                NearestQuery nearest = query(LOCAL, Scope.ASSET, corpus.queryNear(random.nextInt(40)), view, SearchFilters.NONE, k);
                Set<VideoId> approximate = tx(() -> {
                    long scansBefore = indexScans("embedding_local_asset_hnsw");
                    Set<VideoId> ids = ids(search.nearest(nearest));
                    assertThat(indexScans("embedding_local_asset_hnsw")).as("the HNSW index answered").isGreaterThan(scansBefore);
                    return ids;
                });
                Set<VideoId> exact = tx(() -> {
                    em.createNativeQuery("SET LOCAL enable_indexscan = off").executeUpdate();
                    return ids(search.nearest(nearest));
                });
                assertThat(exact).hasSize(k);
                approximate.retainAll(exact);
                found += approximate.size() / (double) k;
                queries++;
            }
        }
        return found / queries;
    }

    @Test
    void theLimitWrittenIntoTheStatementIsKRoundedUpToOneTwoThreeOrFiveTimesAPowerOfTen() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 10, 11, 20, 21, 30, 31, 50, 51, 200, 201, 1000))
                .extracting(VectorSearchSqlAdapter.Knn::limitFor)
                .containsExactly(1, 2, 3, 5, 5, 10, 10, 20, 20, 30, 30, 50, 50, 100, 200, 300, 1000);
    }

    @Test
    void aSimilarRequestForcesAGenericPlanOnlyOutsideATransactionAndWithoutFilters() {
        SearchFilters byOwner = new SearchFilters(Optional.empty(), Optional.of(new UserId("someone")), Hashtags.NONE, Optional.empty(),
                Optional.empty(), Set.of());

        assertThat(VectorSearchSqlAdapter.Knn.similarSettings(SearchFilters.NONE).apply(true)).contains("force_generic_plan");
        assertThat(VectorSearchSqlAdapter.Knn.similarSettings(SearchFilters.NONE).apply(false))
                .as("transaction-local: it would outlive the statement").isEqualTo(VectorSearchSqlAdapter.Knn.SETTINGS);
        assertThat(VectorSearchSqlAdapter.Knn.similarSettings(byOwner).apply(true))
                .as("a filter's custom plan may read its rows otherwise").isEqualTo(VectorSearchSqlAdapter.Knn.SETTINGS);
    }

    @Test
    void aKBetweenTheWrittenLimitsGetsExactlyItsNearest() {
        float[] look = data.randomUnit(128);
        for (int i = 0; i < 12; i++) {
            Video video = data.video("ann", VideoStatus.VALIDATED, T0);
            data.embeddings(video.id(), LOCAL, List.of(asset(LOCAL, data.near(look, 0.1 * (i + 1)))));
        }

        List<VectorMatch> ten = tx(() -> search.nearest(query(LOCAL, Scope.ASSET, look, Visibility.everything(), SearchFilters.NONE, 10)));
        List<VectorMatch> seven = tx(() -> search.nearest(query(LOCAL, Scope.ASSET, look, Visibility.everything(), SearchFilters.NONE, 7)));
        List<VectorMatch> three = search.nearest(query(LOCAL, Scope.ASSET, look, Visibility.everything(), SearchFilters.NONE, 3));

        assertThat(ten).hasSize(10);
        assertThat(seven).extracting(VectorMatch::video).containsExactlyElementsOf(ten.subList(0, 7).stream().map(VectorMatch::video).toList());
        assertThat(three).extracting(VectorMatch::video).containsExactlyElementsOf(ten.subList(0, 3).stream().map(VectorMatch::video).toList());
    }

    @Test
    void aQueryOnlyEverMeetsVectorsOfItsOwnModel() {
        float[] shared = data.randomUnit(128);
        Video local = data.video("ann", VideoStatus.VALIDATED, T0);
        Video other = data.video("ann", VideoStatus.VALIDATED, T0);
        Video marengo = data.video("ann", VideoStatus.VALIDATED, T0);
        data.embeddings(local.id(), LOCAL, List.of(asset(LOCAL, data.near(shared, 0.5))));
        // the other model's vector is the query itself: the best possible match, were models ever mixed
        data.embeddings(other.id(), OTHER, List.of(asset(OTHER, shared)));
        data.embeddings(marengo.id(), EmbeddingModel.MARENGO_3, List.of(asset(EmbeddingModel.MARENGO_3, data.randomUnit(512))));

        List<VectorMatch> matches = tx(() -> search.nearest(query(LOCAL, Scope.ASSET, shared, Visibility.everything(), SearchFilters.NONE, 10)));
        assertThat(matches).extracting(VectorMatch::video).containsExactly(local.id());
        List<VectorMatch> others = tx(() -> search.nearest(query(OTHER, Scope.ASSET, shared, Visibility.everything(), SearchFilters.NONE, 10)));
        assertThat(others).extracting(VectorMatch::video).containsExactly(other.id());
        assertThat(others.get(0).cosine()).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void visibilityAndEveryFilterNarrowTheResults() {
        float[] centre = data.randomUnit(128);
        Video annValidated = data.video("ann", VideoStatus.VALIDATED, "a", "", Hashtags.of("#milk", "#slowmo"), T0, data.uniqueHash());
        Video annRejected = data.video("ann", VideoStatus.REJECTED, T0.plusSeconds(60));
        Video bobValidated = data.video("bob", VideoStatus.VALIDATED, "b", "", Hashtags.of("#milk"), T0.plusSeconds(120), data.uniqueHash());
        Video bobAnalyzed = data.video("bob", VideoStatus.ANALYZED, T0.plusSeconds(180));
        for (Video v : List.of(annValidated, annRejected, bobValidated, bobAnalyzed)) {
            data.embeddings(v.id(), LOCAL, List.of(asset(LOCAL, data.near(centre, 0.3))));
        }
        MobId mob = MobStoreForTests.mobWith(em, new org.milkmobs.domain.mob.MobSpace("local-perceptual-v1/128/visual=1.0"), List.of(bobValidated.id()), centre, T0);

        assertThat(found(Visibility.everything(), SearchFilters.NONE))
                .containsExactlyInAnyOrder(annValidated.id(), annRejected.id(), bobValidated.id(), bobAnalyzed.id());
        assertThat(found(Visibility.of(Caller.consumer(new UserId("ann"))), SearchFilters.NONE))
                .as("validated videos and ann's own").containsExactlyInAnyOrder(annValidated.id(), annRejected.id(), bobValidated.id());
        assertThat(found(Visibility.of(Caller.consumer(new UserId("carol"))), SearchFilters.NONE))
                .containsExactlyInAnyOrder(annValidated.id(), bobValidated.id());
        assertThat(found(Visibility.everything(), filters(Optional.empty(), Optional.of("bob"), Hashtags.NONE, null, null, Set.of())))
                .containsExactlyInAnyOrder(bobValidated.id(), bobAnalyzed.id());
        assertThat(found(Visibility.everything(), filters(Optional.empty(), Optional.empty(), Hashtags.of("milk", "SLOWMO"), null, null,
                Set.of()))).containsExactly(annValidated.id());
        assertThat(found(Visibility.everything(), filters(Optional.empty(), Optional.empty(), Hashtags.NONE, T0.plusSeconds(60),
                T0.plusSeconds(180), Set.of()))).as("from inclusive, to exclusive")
                .containsExactlyInAnyOrder(annRejected.id(), bobValidated.id());
        assertThat(found(Visibility.everything(), filters(Optional.empty(), Optional.empty(), Hashtags.NONE, null, null,
                Set.of(VideoStatus.REJECTED, VideoStatus.ANALYZED)))).containsExactlyInAnyOrder(annRejected.id(), bobAnalyzed.id());
        assertThat(found(Visibility.everything(), filters(Optional.of(mob), Optional.empty(), Hashtags.NONE, null, null, Set.of())))
                .containsExactly(bobValidated.id());
    }

    @Test
    void excludesTheQueryVideoAndItsExactDuplicates() {
        float[] centre = data.randomUnit(128);
        String bytes = data.uniqueHash();
        Video original = data.video("ann", VideoStatus.VALIDATED, "a", "", Hashtags.NONE, T0, bytes);
        Video reupload = data.video("bob", VideoStatus.VALIDATED, "a", "", Hashtags.NONE, T0.plusSeconds(5), bytes);
        Video lookAlike = data.video("bob", VideoStatus.VALIDATED, T0.plusSeconds(10));
        Video unprocessed = data.video("bob", VideoStatus.SUBMITTED, T0.plusSeconds(10));
        for (Video v : List.of(original, reupload, lookAlike)) {
            data.embeddings(v.id(), LOCAL, List.of(asset(LOCAL, data.near(centre, 0.2))));
        }
        List<VectorMatch> matches = tx(() -> search.nearest(new NearestQuery(LOCAL, Scope.ASSET, Set.of(Modality.VISUAL), centre,
                Visibility.everything(), SearchFilters.NONE, Optional.of(original.id()), Optional.of(new ContentHash(bytes)), 10)));

        assertThat(matches).extracting(VectorMatch::video).containsExactly(lookAlike.id());
        assertThat(unprocessed.id()).isNotIn(matches.stream().map(VectorMatch::video).toList());
    }

    @Test
    void clipSearchReturnsClipsWithTheirSegmentsAndTheBestClipPairsOfTwoVideos() {
        float[] centre = data.randomUnit(128);
        Video source = data.video("ann", VideoStatus.VALIDATED, T0);
        Video candidate = data.video("bob", VideoStatus.VALIDATED, T0);
        float[] opening = data.near(centre, 0.1);
        float[] unrelated = data.randomUnit(128);
        data.embeddings(source.id(), LOCAL, List.of(clip(0, opening), clip(4, data.randomUnit(128))));
        data.embeddings(candidate.id(), LOCAL, List.of(clip(0, unrelated), clip(4, data.randomUnit(128)), clip(8, data.near(opening, 0.05))));

        List<VectorMatch> clips = tx(() -> search.nearest(query(LOCAL, Scope.CLIP, opening, Visibility.everything(), SearchFilters.NONE, 2)));
        assertThat(clips).hasSize(2);
        assertThat(clips.get(0).video()).isEqualTo(source.id());
        assertThat(clips.get(0).segment()).isEqualTo(new Segment(0, 4));
        assertThat(clips.get(1).segment()).isEqualTo(new Segment(8, 12));
        assertThat(clips.get(0).cosine()).isGreaterThanOrEqualTo(clips.get(1).cosine());

        List<VectorMatch> pairs = tx(() -> search.bestClipMatches(LOCAL, Set.of(Modality.VISUAL), source.id(), List.of(candidate.id()), 1));
        assertThat(pairs).singleElement().satisfies(best -> {
            assertThat(best.video()).isEqualTo(candidate.id());
            assertThat(best.segment()).isEqualTo(new Segment(8, 12));
            assertThat(best.cosine()).isGreaterThan(0.9);
        });
    }

    @Test
    void bestClipPairsAreFoundPerModalityInOnePass() {
        Video source = data.video("ann", VideoStatus.VALIDATED, T0);
        Video candidate = data.video("bob", VideoStatus.VALIDATED, T0);
        float[] look = data.randomUnit(128);
        float[] sound = data.randomUnit(128);
        data.embeddings(source.id(), LOCAL, List.of(clip(0, look), audioClip(0, sound)));
        data.embeddings(candidate.id(), LOCAL, List.of(clip(0, data.randomUnit(128)), clip(4, data.near(look, 0.05)),
                audioClip(0, data.near(sound, 0.05)), audioClip(4, data.randomUnit(128)), audioClip(8, data.randomUnit(128))));

        List<VectorMatch> pairs = tx(() -> search.bestClipMatches(LOCAL, Set.of(Modality.VISUAL, Modality.AUDIO), source.id(),
                List.of(candidate.id()), 2));

        assertThat(pairs).hasSize(4).allSatisfy(pair -> assertThat(pair.video()).isEqualTo(candidate.id()));
        assertThat(pairs).filteredOn(p -> p.modality() == Modality.VISUAL).first()
                .satisfies(best -> assertThat(best.segment()).isEqualTo(new Segment(4, 8)));
        assertThat(pairs).filteredOn(p -> p.modality() == Modality.AUDIO).first()
                .satisfies(best -> assertThat(best.segment()).isEqualTo(new Segment(0, 4)));
        assertThat(pairs).filteredOn(p -> p.modality() == Modality.AUDIO).extracting(VectorMatch::cosine)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static Embedding audioAsset(EmbeddingModel model, float[] vector) {
        return new Embedding(model, Modality.AUDIO, Scope.ASSET, new Segment(0, 12), vector);
    }

    private static Embedding audioClip(double start, float[] vector) {
        return new Embedding(LOCAL, Modality.AUDIO, Scope.CLIP, new Segment(start, start + 4), vector);
    }

    private static Embedding clip(double start, float[] vector) {
        return new Embedding(LOCAL, Modality.VISUAL, Scope.CLIP, new Segment(start, start + 4), vector);
    }

    private Set<VideoId> found(Visibility visibility, SearchFilters filters) {
        return ids(tx(() -> search.nearest(query(LOCAL, Scope.ASSET, data.randomUnit(128), visibility, filters, 50))));
    }

    private static SearchFilters filters(Optional<MobId> mob, Optional<String> owner, Hashtags hashtags, Instant from, Instant to,
                                         Set<VideoStatus> statuses) {
        return new SearchFilters(mob, owner.map(UserId::new), hashtags, Optional.ofNullable(from), Optional.ofNullable(to), statuses);
    }

    private static Set<VideoId> ids(List<VectorMatch> matches) {
        Set<VideoId> ids = new HashSet<>();
        matches.forEach(m -> ids.add(m.video()));
        return ids;
    }

    /** Index scans of this transaction (counted at once, unlike the cumulative statistics). */
    private long indexScans(String index) {
        return ((Number) em.createNativeQuery("SELECT pg_stat_get_xact_numscans('" + index + "'::regclass)").getSingleResult()).longValue();
    }
}
