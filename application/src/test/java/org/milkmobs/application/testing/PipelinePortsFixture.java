package org.milkmobs.application.testing;

import java.util.function.Supplier;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.video.VideoId;

/**
 * What the job queue and workflow contracts share (a fixture, as {@link MobPortsFixture} is, not a suite of its own): the
 * {@link Store} under test, that is one store's queue and workflows and the videos that exist in its world. A run says
 * which store it tests once, for both suites (see {@code InMemoryPipelineTest}).
 */
public abstract class PipelinePortsFixture extends ContractSuite {

    /**
     * The queue and workflows of one store, and a way to make a video it knows (the SQL store's workflows refer to
     * videos).
     */
    public record Store(JobQueuePort queue, WorkflowPort workflows, Supplier<VideoId> videos) {

        /** The twin: one {@link InMemoryWorkflows} is both ports, and any video exists in its world. */
        public static Store twin(InMemoryWorkflows twin) {
            return new Store(twin, twin, VideoId::generate);
        }
    }

    protected abstract Store store();

    protected final JobQueuePort queue() {
        return store().queue();
    }

    protected final WorkflowPort workflows() {
        return store().workflows();
    }

    /** A video the store knows. */
    protected final VideoId storedVideo() {
        return store().videos().get();
    }
}
