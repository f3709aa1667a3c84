package org.milkmobs.application.port.out.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.milkmobs.domain.apikey.ApiKey;

/** Where gateway API keys are kept: by id, and by the hash of their secret (the secret itself is never stored). */
public interface ApiKeyStore {

    void add(ApiKey key);

    Optional<ApiKey> byId(String id);

    Optional<ApiKey> bySecretHash(String secretHash);

    /** Every key, newest first. */
    List<ApiKey> all();

    /** Stores the key's revocation (the first one stays). */
    void revoke(String id, Instant at);

    /** Notes a use of the key. */
    void markUsed(String id, Instant at);
}
