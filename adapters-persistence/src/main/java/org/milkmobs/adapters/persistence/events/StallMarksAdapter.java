package org.milkmobs.adapters.persistence.events;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.domain.pipeline.PipelineStep;

@Dependent
class StallMarksAdapter implements StallMarks {

    private final Sql sql;

    @Inject
    StallMarksAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public boolean mark(PipelineStep step, Instant since) {
        return sql.update("INSERT INTO pipeline_stall (step, since) VALUES (?, ?) ON CONFLICT DO NOTHING", step.wireName(), since) == 1;
    }

    @Override
    public boolean clear(PipelineStep step) {
        return sql.update("DELETE FROM pipeline_stall WHERE step = ?", step.wireName()) == 1;
    }
}
