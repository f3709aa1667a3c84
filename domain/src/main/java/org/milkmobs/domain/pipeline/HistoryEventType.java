package org.milkmobs.domain.pipeline;

/** The kinds of workflow history event, named as AWS Step Functions names its history events. */
public enum HistoryEventType {
    ExecutionStarted,
    ExecutionSucceeded,
    ExecutionFailed,
    ExecutionAborted,
    ExecutionRedriven,
    TaskScheduled,
    TaskStarted,
    TaskSucceeded,
    TaskFailed,
    TaskSnoozed,
    TaskTimedOut,
    TaskCancelled,
    TaskRedriven
}
