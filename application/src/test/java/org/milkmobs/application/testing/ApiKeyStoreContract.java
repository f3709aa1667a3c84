package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.apikey.ApiKeySecret;

/** What every {@link ApiKeyStore} does; run on the in-memory twin and on PostgreSQL. */
public abstract class ApiKeyStoreContract extends ContractSuite {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected abstract ApiKeyStore store();

    private ApiKey issued(String name, Instant at) {
        ApiKey key = ApiKey.issue(UUID.randomUUID().toString(), name, ApiKeySecret.generate(), at);
        inTransaction(() -> {
            store().add(key);
            return null;
        });
        return key;
    }

    @Test
    void aKeyIsFoundByIdAndBySecretHashButNotByAnotherHash() {
        ApiKey key = issued("notebook", T0);

        assertThat(inTransaction(() -> store().byId(key.id()))).contains(key);
        assertThat(inTransaction(() -> store().bySecretHash(key.secretHash()))).contains(key);
        assertThat(inTransaction(() -> store().bySecretHash(ApiKeySecret.generate().hash()))).isEmpty();
        assertThat(inTransaction(() -> store().byId(UUID.randomUUID().toString()))).isEmpty();
    }

    @Test
    void revocationIsKeptOnceAndLastUseIsNoted() {
        ApiKey key = issued("langchain", T0);
        Instant revoked = T0.plus(1, ChronoUnit.HOURS);

        inTransaction(() -> {
            store().markUsed(key.id(), T0.plusSeconds(60));
            store().revoke(key.id(), revoked);
            store().revoke(key.id(), revoked.plusSeconds(5));
            return null;
        });

        ApiKey stored = inTransaction(() -> store().byId(key.id())).orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.revokedAt()).contains(revoked);
        assertThat(stored.lastUsedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void keysAreListedNewestFirst() {
        ApiKey older = issued("older", T0.minus(2, ChronoUnit.DAYS));
        ApiKey newer = issued("newer", T0.minus(1, ChronoUnit.DAYS));

        assertThat(inTransaction(() -> store().all())).extracting(ApiKey::id).containsSubsequence(newer.id(), older.id());
    }
}
