package org.milkmobs.archfixture.adapters.rest;

public class FixtureResource {
}
