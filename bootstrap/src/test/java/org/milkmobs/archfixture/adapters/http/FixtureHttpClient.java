package org.milkmobs.archfixture.adapters.http;

public class FixtureHttpClient {
}
