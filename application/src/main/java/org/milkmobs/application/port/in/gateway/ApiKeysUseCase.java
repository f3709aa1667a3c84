package org.milkmobs.application.port.in.gateway;

import java.util.List;
import java.util.Objects;
import org.milkmobs.domain.apikey.ApiKey;

/** Admins issue, list and revoke the gateway's API keys. */
public interface ApiKeysUseCase {

    /** A new key; its secret is in the answer and nowhere else, ever again. */
    IssuedApiKey create(String name);

    List<ApiKey> list();

    /**
     * Revokes the key: from now on it is refused before anything is called (idempotent).
     *
     * @throws ApiKeyNotFoundException when there is no such key
     */
    ApiKey revoke(String id);

    record IssuedApiKey(ApiKey key, String secret) {
        public IssuedApiKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(secret, "secret");
        }
    }
}
