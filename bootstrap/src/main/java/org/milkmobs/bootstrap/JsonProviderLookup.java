package org.milkmobs.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.spi.JsonProvider;
import java.util.logging.Logger;

/**
 * Names the JSON-P provider once, at start-up. Without the {@code jakarta.json.provider} property,
 * {@link JsonProvider#provider()} searches the class path with a ServiceLoader on every call, and Payara's
 * JWT parser calls it on every authenticated request (measured: about 5% of a search request's CPU,
 * spent reading jar indexes). Nothing is set when an operator named a provider, or when Parsson is absent.
 */
@ApplicationScoped
public class JsonProviderLookup {

    static final String PROPERTY = "jakarta.json.provider";
    static final String PARSSON = "org.eclipse.parsson.JsonProviderImpl";
    private static final Logger LOG = Logger.getLogger(JsonProviderLookup.class.getName());

    void pin(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(PARSSON, false, JsonProvider.class.getClassLoader());
            System.setProperty(PROPERTY, PARSSON);
        } catch (ClassNotFoundException e) {
            LOG.info("JSON-P provider " + PARSSON + " not found next to the API; JSON-P keeps looking providers up per call");
        }
    }
}
