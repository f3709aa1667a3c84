package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.domain.embedding.EmbeddingModel;

/**
 * Cached query vectors in memory, by model, kind and key; a later store replaces an earlier one, and a vector of
 * another dimension than its model's is refused.
 */
public class InMemoryQueryEmbeddingCache implements QueryEmbeddingCache {

    private final Map<String, CachedQuery> entries = new HashMap<>();

    @Override
    public synchronized Optional<CachedQuery> find(EmbeddingModel model, QueryKind kind, String key) {
        // as the table, which keys by model id and reads only vectors of the model's dimension
        return Optional.ofNullable(entries.get(model.id() + "|" + kind + "|" + key))
                .filter(entry -> entry.vector().map(vector -> vector.length == model.dimension()).orElse(true));
    }

    @Override
    public synchronized void store(EmbeddingModel model, QueryKind kind, String key, CachedQuery entry) {
        entry.vector().ifPresent(model::check);
        entries.put(model.id() + "|" + kind + "|" + key, entry);
    }

    @Override
    public synchronized int forgetOlderThan(Instant before) {
        int size = entries.size();
        entries.values().removeIf(entry -> entry.at().isBefore(before));
        return size - entries.size();
    }

    public synchronized int size() {
        return entries.size();
    }
}
