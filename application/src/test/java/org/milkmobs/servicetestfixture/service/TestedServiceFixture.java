package org.milkmobs.servicetestfixture.service;

/** A fixture that builds the service for a test, as {@code WebhookFixture} does: the rule looks through it. */
final class TestedServiceFixture {

    final TestedService service = new TestedService();
}
