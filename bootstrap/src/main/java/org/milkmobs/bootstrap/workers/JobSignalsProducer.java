package org.milkmobs.bootstrap.workers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.milkmobs.adapters.persistence.pipeline.PostgresJobSignals;
import org.milkmobs.application.port.out.pipeline.JobSignals;
import org.milkmobs.bootstrap.config.Settings;

/** The {@link JobSignals} idle pipeline workers wait on: a LISTEN connection of its own per instance (ADR 0025). */
@ApplicationScoped
public class JobSignalsProducer {

    @Inject
    Settings settings;

    @Produces
    @Singleton
    PostgresJobSignals jobSignals() {
        return new PostgresJobSignals(settings.text("db.url"), settings.text("db.user"), settings.text("db.password"));
    }

    void close(@Disposes PostgresJobSignals signals) {
        signals.close();
    }
}
