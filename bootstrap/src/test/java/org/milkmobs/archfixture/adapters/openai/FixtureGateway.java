package org.milkmobs.archfixture.adapters.openai;

/** A well-behaved adapter class, so the rule for adapter 'openai' has classes to check in the fixture. */
public class FixtureGateway {
}
