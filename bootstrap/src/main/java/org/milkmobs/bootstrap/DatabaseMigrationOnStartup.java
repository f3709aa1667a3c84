package org.milkmobs.bootstrap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.milkmobs.adapters.persistence.DatabaseMigrations;

/** Migrates the schema while the application deploys, before it serves a request. */
@ApplicationScoped
public class DatabaseMigrationOnStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrationOnStartup.class.getName());

    @Inject
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result = DatabaseMigrations.migrate(dataSource);
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
