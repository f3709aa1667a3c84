package org.milkmobs.servicetestfixture.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixture's service test, which the rule finds because it builds {@link TestedService} through its fixture. */
class TestedServiceTest {

    private final TestedServiceFixture fixture = new TestedServiceFixture();

    @Test
    void doubles() {
        assertThat(fixture.service.twice(21)).isEqualTo(42);
    }
}
