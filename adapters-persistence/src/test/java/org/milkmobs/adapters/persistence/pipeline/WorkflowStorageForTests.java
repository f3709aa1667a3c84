package org.milkmobs.adapters.persistence.pipeline;

import jakarta.persistence.EntityManager;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;

/** Lets tests in other packages of this module start workflows through the (package-private) workflow adapter. */
public final class WorkflowStorageForTests {

    private WorkflowStorageForTests() {
    }

    public static WorkflowPort workflows(EntityManager em) {
        return new WorkflowAdapter(em);
    }
}
