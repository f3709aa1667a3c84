package org.milkmobs.adapters.persistence.apikey;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.domain.apikey.ApiKey;

@Dependent
class ApiKeyStoreAdapter implements ApiKeyStore {

    private static final String COLUMNS = "id, name, prefix, secret_hash, created_at, revoked_at, last_used_at";

    private final Sql sql;

    @Inject
    ApiKeyStoreAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void add(ApiKey key) {
        sql.update("INSERT INTO api_key (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", key.id(), key.name(), key.prefix(), key.secretHash(),
                key.createdAt(), key.revokedAt().orElse(null), key.lastUsedAt().orElse(null));
    }

    @Override
    public Optional<ApiKey> byId(String id) {
        return sql.query("SELECT " + COLUMNS + " FROM api_key WHERE id = ?", ApiKeyStoreAdapter::key, id).stream().findFirst();
    }

    @Override
    public Optional<ApiKey> bySecretHash(String secretHash) {
        return sql.query("SELECT " + COLUMNS + " FROM api_key WHERE secret_hash = ?", ApiKeyStoreAdapter::key, secretHash).stream().findFirst();
    }

    @Override
    public List<ApiKey> all() {
        return sql.query("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at DESC, id DESC", ApiKeyStoreAdapter::key);
    }

    @Override
    public void revoke(String id, Instant at) {
        sql.update("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
    }

    @Override
    public void markUsed(String id, Instant at) {
        sql.update("UPDATE api_key SET last_used_at = greatest(last_used_at, ?) WHERE id = ?", at, id);
    }

    private static ApiKey key(ResultSet row) throws SQLException {
        return new ApiKey(row.getString("id"), row.getString("name"), row.getString("prefix"), row.getString("secret_hash"),
                Sql.instant(row, "created_at"), Optional.ofNullable(Sql.instant(row, "revoked_at")),
                Optional.ofNullable(Sql.instant(row, "last_used_at")));
    }
}
