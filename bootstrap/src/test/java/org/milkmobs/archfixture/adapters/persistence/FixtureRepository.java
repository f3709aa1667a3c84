package org.milkmobs.archfixture.adapters.persistence;

import org.milkmobs.archfixture.adapters.rest.FixtureResource;

/** Breaks the adapter rule on purpose: persistence reaching into the REST adapter. */
public class FixtureRepository {
    FixtureResource resource;
}
