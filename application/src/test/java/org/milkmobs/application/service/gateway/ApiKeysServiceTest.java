package org.milkmobs.application.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.gateway.ApiKeyNotFoundException;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase.IssuedApiKey;
import org.milkmobs.application.testing.InMemoryApiKeyStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.apikey.ApiKeySecret;

class ApiKeysServiceTest {

    private final TestClock clock = TestClock.at("2026-03-01T10:15:00Z");
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiKeysService keys = new ApiKeysService(store, clock);

    @Test
    void aKeyIsShownOnceAndStoredOnlyAsItsHash() {
        IssuedApiKey issued = keys.create("  LangChain  ");

        assertThat(issued.secret()).startsWith(ApiKeySecret.PREFIX);
        assertThat(issued.key().name()).isEqualTo("LangChain");
        assertThat(issued.key().secretHash()).isEqualTo(new ApiKeySecret(issued.secret()).hash());
        assertThat(issued.secret()).startsWith(issued.key().prefix());
        assertThat(keys.list()).singleElement().satisfies(k -> assertThat(k.toString()).doesNotContain(issued.secret()));
    }

    @Test
    void revokingKeepsTheFirstRevocationAndAnUnknownKeyIsNotFound() {
        IssuedApiKey issued = keys.create("notebook");

        var first = keys.revoke(issued.key().id());
        clock.advance(Duration.ofHours(1));
        var again = keys.revoke(issued.key().id());

        assertThat(first.revokedAt()).isPresent();
        assertThat(again.revokedAt()).isEqualTo(first.revokedAt());
        assertThatThrownBy(() -> keys.revoke("no-such-key")).isInstanceOf(ApiKeyNotFoundException.class);
    }
}
