package org.milkmobs.domain.pipeline;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.milkmobs.domain.InvalidValueException;

/**
 * The steps of a video's analysis workflow and the graph between them:
 * <pre>
 * preflight → (thumbnail ∥ understand ∥ embed) → write-results → validate → cluster → emit
 * </pre>
 * {@code understand} is Pegasus (or the local analyzer's OCR), {@code embed} is Marengo (or the local
 * perceptual embeddings). {@code write-results} is the join of the parallel branches.
 */
public enum PipelineStep {
    PREFLIGHT,
    THUMBNAIL(PREFLIGHT),
    UNDERSTAND(PREFLIGHT),
    EMBED(PREFLIGHT),
    WRITE_RESULTS(THUMBNAIL, UNDERSTAND, EMBED),
    VALIDATE(WRITE_RESULTS),
    CLUSTER(VALIDATE),
    EMIT(CLUSTER);

    private final List<PipelineStep> prerequisites;

    PipelineStep(PipelineStep... prerequisites) {
        this.prerequisites = List.of(prerequisites);
    }

    public static PipelineStep first() {
        return PREFLIGHT;
    }

    public Set<PipelineStep> prerequisites() {
        return prerequisites.isEmpty() ? EnumSet.noneOf(PipelineStep.class) : EnumSet.copyOf(prerequisites);
    }

    /** The last step: when it completes, the workflow has succeeded. */
    public boolean isLast() {
        return this == values()[values().length - 1];
    }

    /** The branch steps that run beside this one (empty outside a parallel section). */
    public Set<PipelineStep> siblings() {
        Set<PipelineStep> siblings = EnumSet.noneOf(PipelineStep.class);
        for (PipelineStep other : values()) {
            if (other != this && other.prerequisites.equals(prerequisites)) {
                siblings.add(other);
            }
        }
        return siblings;
    }

    /**
     * The steps that become runnable because {@code completed} finished, given every step completed so far
     * (including it). A join is returned only once all its branches are in {@code done}.
     */
    public static Set<PipelineStep> readyAfter(PipelineStep completed, Set<PipelineStep> done) {
        Set<PipelineStep> ready = EnumSet.noneOf(PipelineStep.class);
        for (PipelineStep step : values()) {
            if (step.prerequisites.contains(completed) && done.containsAll(step.prerequisites) && !done.contains(step)) {
                ready.add(step);
            }
        }
        return ready;
    }

    /** The name on the wire and in the database: {@code write-results}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** 1-based position in the graph's order, for "step k of n". */
    public int position() {
        return ordinal() + 1;
    }

    public static PipelineStep fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidValueException("step", "unknown step '" + name + "'; the steps are "
                        + Arrays.stream(values()).map(PipelineStep::wireName).toList()));
    }
}
