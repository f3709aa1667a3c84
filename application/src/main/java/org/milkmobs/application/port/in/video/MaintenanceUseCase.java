package org.milkmobs.application.port.in.video;

/** Periodic housekeeping, each run in its own transaction; each returns how much it did. */
public interface MaintenanceUseCase {

    /** Completes uploads whose clients never called complete, and fails submissions abandoned for too long. */
    int reconcileUploads();

    /** Deletes files whose deletion is due; failures are retried later. */
    int purgeBlobs();

    /** Removes partial files of interrupted uploads and empty folders, once older than the upload URLs' lifetime. */
    int sweepAbandonedFiles();

    /** Removes old finished workflows' jobs and history, expired idempotency keys, and old cached query vectors. */
    int pruneHistory();
}
