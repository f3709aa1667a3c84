package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.domain.apikey.ApiKey;

/** The API key store in memory. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void add(ApiKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("key " + key.id() + " exists");
        }
    }

    @Override
    public Optional<ApiKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public Optional<ApiKey> bySecretHash(String secretHash) {
        return keys.values().stream().filter(k -> k.secretHash().equals(secretHash)).findFirst();
    }

    @Override
    public List<ApiKey> all() {
        return keys.values().stream().sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id).reversed()).toList();
    }

    @Override
    public void revoke(String id, Instant at) {
        keys.computeIfPresent(id, (k, key) -> key.revoke(at));
    }

    @Override
    public void markUsed(String id, Instant at) {
        keys.computeIfPresent(id, (k, key) -> new ApiKey(key.id(), key.name(), key.prefix(), key.secretHash(), key.createdAt(),
                key.revokedAt(), Optional.of(at)));
    }
}
