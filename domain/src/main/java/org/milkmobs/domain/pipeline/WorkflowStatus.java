package org.milkmobs.domain.pipeline;

/** The state of a video's workflow as a whole, as Step Functions reports an execution. */
public enum WorkflowStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
