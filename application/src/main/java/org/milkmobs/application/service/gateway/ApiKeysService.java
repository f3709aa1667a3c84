package org.milkmobs.application.service.gateway;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.milkmobs.application.port.in.gateway.ApiKeyNotFoundException;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.domain.TimeOrderedUuid;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.apikey.ApiKeySecret;

public class ApiKeysService implements ApiKeysUseCase {

    private final ApiKeyStore keys;
    private final Clock clock;

    public ApiKeysService(ApiKeyStore keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedApiKey create(String name) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = ApiKey.issue(TimeOrderedUuid.next().toString(), name, secret, clock.instant());
        keys.add(key);
        return new IssuedApiKey(key, secret.value());
    }

    @Override
    public List<ApiKey> list() {
        return keys.all();
    }

    @Override
    public ApiKey revoke(String id) {
        ApiKey key = keys.byId(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
        if (key.active()) {
            keys.revoke(id, clock.instant());
        }
        return keys.byId(id).orElseThrow(() -> new ApiKeyNotFoundException(id));
    }
}
