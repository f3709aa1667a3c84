package org.milkmobs.adapters.persistence.analysis;

import jakarta.persistence.EntityManager;
import org.milkmobs.application.port.out.analysis.AnalysisStore;

/** Lets tests in other packages of this module build the (package-private) analysis adapter. */
public final class AnalysisStorageForTests {

    private AnalysisStorageForTests() {
    }

    public static AnalysisStore adapter(EntityManager em) {
        return new AnalysisSqlAdapter(em);
    }
}
