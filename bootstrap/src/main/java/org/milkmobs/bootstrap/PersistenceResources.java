package org.milkmobs.bootstrap;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/**
 * Makes the container's persistence resources injectable, so adapters take them as constructor
 * parameters (and tests can hand them their own).
 */
@ApplicationScoped
public class PersistenceResources {

    /** A container-managed proxy: each call goes to the EntityManager of the current JTA transaction. */
    @Produces
    @PersistenceContext(unitName = "milkmobs")
    private EntityManager entityManager;

    @Produces
    @Resource(lookup = DataSourceConfiguration.JNDI_NAME)
    private DataSource dataSource;
}
