package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.domain.embedding.EmbeddingModel;

/** The in-memory twin of the query vector cache. */
public class InMemoryQueryEmbeddingCache implements QueryEmbeddingCache {

    private final Map<String, CachedQuery> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedQuery> find(EmbeddingModel model, QueryKind kind, String key) {
        return Optional.ofNullable(entries.get(model.id() + "|" + kind + "|" + key));
    }

    @Override
    public void store(EmbeddingModel model, QueryKind kind, String key, CachedQuery entry) {
        entries.put(model.id() + "|" + kind + "|" + key, entry);
    }

    @Override
    public int forgetOlderThan(Instant before) {
        int before0 = entries.size();
        entries.values().removeIf(e -> e.at().isBefore(before));
        return before0 - entries.size();
    }

    public int size() {
        return entries.size();
    }
}
