package org.milkmobs.adapters.persistence.pipeline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.domain.pipeline.PipelineStep;

/** Paused steps as rows, so every instance's workers see a pause at their next claim. */
@Dependent
class PipelineControlAdapter implements PipelineControlPort {

    private final Sql sql;

    @Inject
    PipelineControlAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Set<PipelineStep> pausedSteps() {
        return pausedSteps(sql);
    }

    static Set<PipelineStep> pausedSteps(Sql sql) {
        Set<PipelineStep> paused = EnumSet.noneOf(PipelineStep.class);
        sql.query("SELECT step FROM paused_step", row -> paused.add(PipelineStep.fromWireName(row.getString("step"))));
        return paused;
    }

    @Override
    public void pause(PipelineStep step) {
        sql.update("INSERT INTO paused_step (step, paused_at) VALUES (?, ?) ON CONFLICT (step) DO NOTHING", step.wireName(), Instant.now());
    }

    @Override
    public void resume(PipelineStep step) {
        sql.update("DELETE FROM paused_step WHERE step = ?", step.wireName());
    }
}
