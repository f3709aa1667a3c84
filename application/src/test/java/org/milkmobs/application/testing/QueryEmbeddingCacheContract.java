package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache.CachedQuery;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache.QueryKind;
import org.milkmobs.domain.embedding.EmbeddingModel;

/**
 * Query vectors already paid for: found by model, kind and key, a pending audio embedding replaced by its vector,
 * a vector of the wrong dimension refused, old entries forgotten. Run on the twin and on PostgreSQL; each test caches
 * under a model of its own (vectors hold values half precision keeps exactly).
 */
public abstract class QueryEmbeddingCacheContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final float[] VECTOR = {0.5f, -0.25f, 0.125f, 1f};

    protected abstract QueryEmbeddingCache cache();

    private final EmbeddingModel model = new EmbeddingModel("contract-model-" + UUID.randomUUID(), VECTOR.length);

    @Test
    void anEntryIsFoundByItsModelKindAndKeyOnly() {
        store(QueryKind.TEXT, "milk pouring", CachedQuery.ready(VECTOR, NOW));

        assertThat(find(model, QueryKind.TEXT, "milk pouring")).hasValueSatisfying(entry -> {
            assertThat(entry.vector()).hasValueSatisfying(vector -> assertThat(vector).containsExactly(VECTOR));
            assertThat(entry.pendingHandle()).isEmpty();
            assertThat(entry.at()).isEqualTo(NOW);
        });
        assertThat(find(model, QueryKind.TEXT, "milk pouring!")).isEmpty();
        assertThat(find(model, QueryKind.IMAGE, "milk pouring")).isEmpty();
        assertThat(find(new EmbeddingModel("other-" + model.id(), VECTOR.length), QueryKind.TEXT, "milk pouring")).isEmpty();
        assertThat(find(new EmbeddingModel(model.id(), 8), QueryKind.TEXT, "milk pouring")).as("the model's other dimension").isEmpty();
    }

    @Test
    void aPendingEmbeddingIsReplacedByItsVector() {
        String clip = "a".repeat(64);
        store(QueryKind.AUDIO, clip, CachedQuery.pending("arn:invocation/1", NOW));
        assertThat(find(model, QueryKind.AUDIO, clip)).hasValueSatisfying(entry -> {
            assertThat(entry.pendingHandle()).contains("arn:invocation/1");
            assertThat(entry.vector()).isEmpty();
        });

        store(QueryKind.AUDIO, clip, CachedQuery.ready(VECTOR, NOW.plusSeconds(30)));

        assertThat(find(model, QueryKind.AUDIO, clip)).hasValueSatisfying(entry -> {
            assertThat(entry.pendingHandle()).isEmpty();
            assertThat(entry.vector()).hasValueSatisfying(vector -> assertThat(vector).containsExactly(VECTOR));
            assertThat(entry.at()).isEqualTo(NOW.plusSeconds(30));
        });
    }

    @Test
    void aVectorOfAnotherDimensionThanTheModelsIsRefused() {
        assertThatThrownBy(() -> store(QueryKind.TEXT, "short", CachedQuery.ready(new float[] {0.5f}, NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(find(model, QueryKind.TEXT, "short")).isEmpty();
    }

    /** Its entries lie years before the other tests', so forgetting them touches only them. */
    @Test
    void entriesOlderThanTheCutOffAreForgotten() {
        Instant longAgo = Instant.parse("2020-01-01T00:00:00Z");
        store(QueryKind.TEXT, "old", CachedQuery.ready(VECTOR, longAgo));
        store(QueryKind.IMAGE, "b".repeat(64), CachedQuery.pending("arn:invocation/2", longAgo.plus(Duration.ofDays(1))));

        assertThat(inTransaction(() -> cache().forgetOlderThan(longAgo))).isZero();
        assertThat(inTransaction(() -> cache().forgetOlderThan(longAgo.plus(Duration.ofDays(1))))).isEqualTo(1);

        assertThat(find(model, QueryKind.TEXT, "old")).isEmpty();
        assertThat(find(model, QueryKind.IMAGE, "b".repeat(64))).isPresent();
    }

    private void store(QueryKind kind, String key, CachedQuery entry) {
        inTransaction(() -> {
            cache().store(model, kind, key, entry);
            return null;
        });
    }

    private java.util.Optional<CachedQuery> find(EmbeddingModel in, QueryKind kind, String key) {
        return inTransaction(() -> cache().find(in, kind, key));
    }
}
