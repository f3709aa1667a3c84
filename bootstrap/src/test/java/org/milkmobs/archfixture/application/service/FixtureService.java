package org.milkmobs.archfixture.application.service;

/** Breaks the application rule on purpose: a service that uses CDI. */
public class FixtureService {
    @jakarta.inject.Inject
    org.milkmobs.archfixture.adapters.rest.FixtureResource resource;
}
