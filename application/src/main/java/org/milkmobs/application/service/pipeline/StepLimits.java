package org.milkmobs.application.service.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import org.milkmobs.domain.pipeline.PipelineStep;

/**
 * How many jobs of a step may run at once across the whole cluster, where a step has such a limit (the paid
 * steps, whose Bedrock quota is per account); each instance's own concurrency applies as well.
 */
public final class StepLimits {

    public static final StepLimits NONE = new StepLimits(Map.of());

    private final Map<PipelineStep, Integer> acrossCluster;

    public StepLimits(Map<PipelineStep, Integer> acrossCluster) {
        acrossCluster.forEach((step, limit) -> {
            if (limit < 1) {
                throw new IllegalArgumentException("the cluster-wide limit of " + step.wireName() + " must be at least 1, not " + limit);
            }
        });
        this.acrossCluster = acrossCluster.isEmpty() ? Map.of() : new EnumMap<>(acrossCluster);
    }

    public OptionalInt acrossCluster(PipelineStep step) {
        Integer limit = acrossCluster.get(step);
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }
}
