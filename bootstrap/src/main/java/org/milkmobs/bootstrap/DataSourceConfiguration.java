package org.milkmobs.bootstrap;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool. Payara resolves {@code ${MPCONFIG=...}} through MicroProfile
 * Config, so {@code db.url} (or the environment variable {@code DB_URL}) configures it.
 */
@DataSourceDefinition(
        name = DataSourceConfiguration.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 40,
        maxIdleTime = 300,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            // a connection is checked (a round trip of its own) at most once in 10 s, not on every hand-out (ADR 0029)
            "fish.payara.validate-atmost-once-period-in-seconds=10",
            "fish.payara.connection-leak-timeout-in-seconds=0",
            "ApplicationName=milkmobs"
        })
@ApplicationScoped
public class DataSourceConfiguration {

    public static final String JNDI_NAME = "java:app/jdbc/milkmobs";
}
