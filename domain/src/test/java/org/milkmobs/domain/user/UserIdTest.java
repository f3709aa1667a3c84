package org.milkmobs.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milkmobs.domain.InvalidValueException;

class UserIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "auth0|5f7c8ec7c33c6c004bbafe82", "bob@example.com", "0190b0a4-5bd7-7c8e"})
    void acceptsTheSubjectsIdentityProvidersIssue(String subject) {
        assertThat(new UserId(subject).value()).isEqualTo(subject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "émile"})
    void refusesSpacesControlAndNonAscii(String subject) {
        assertThatThrownBy(() -> new UserId(subject)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 10_000})
    void refusesOverlongSubjects(int length) {
        assertThatThrownBy(() -> new UserId("u".repeat(length))).isInstanceOf(InvalidValueException.class);
    }
}
