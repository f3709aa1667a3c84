package org.milkmobs.domain.video;

/** Why a video failed, in categories an admin can count and an uploader can act on. */
public enum FailureCode {
    /** The upload is missing, empty, not a video, truncated or corrupt. */
    INVALID_MEDIA,
    /** The upload is a video, but over a configured size or duration limit. */
    MEDIA_LIMIT_EXCEEDED,
    /** An analysis model refused the input or failed permanently. */
    ANALYSIS_FAILED,
    /** The pipeline gave up on a step after its last attempt. */
    PIPELINE_FAILED,
    /** An admin cancelled the processing. */
    CANCELLED
}
