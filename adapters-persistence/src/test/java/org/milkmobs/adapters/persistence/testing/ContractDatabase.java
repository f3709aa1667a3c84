package org.milkmobs.adapters.persistence.testing;

import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.milkmobs.application.testing.ContractSuite;

/**
 * The database a port's contract suite runs on when it runs on PostgreSQL: a fresh migrated database for the
 * test class, one EntityManager, and the contract's transactions on it. Registered as a static field,
 * {@code @RegisterExtension static final ContractDatabase database = new ContractDatabase("purpose");}, so
 * every PostgreSQL run of a contract opens and closes its database the same way. A suite that extends
 * {@link ContractSuite} runs its steps in this database's transactions without saying so.
 */
public final class ContractDatabase implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ContractSuite.Transactions {

    private final String purpose;
    private TestDatabase database;
    private JpaTestSupport jpa;
    private EntityManager em;

    public ContractDatabase(String purpose) {
        this.purpose = purpose;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create(purpose);
        jpa = new JpaTestSupport(database.dataSource());
        em = jpa.newEntityManager();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        em.close();
        jpa.close();
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        if (testInstance instanceof ContractSuite contract) {
            contract.runStepsIn(this);
        }
    }

    public EntityManager em() {
        return em;
    }

    /** Another EntityManager on the same database, for a test that plays several instances at once; the caller closes it. */
    public EntityManager newEntityManager() {
        return jpa.newEntityManager();
    }

    public TestDatabase database() {
        return database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return JpaTestSupport.inTransaction(em, ignored -> work.get());
    }
}
