package org.milkmobs.adapters.aws.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the S3 store is. {@code endpoint} and {@code pathStyle} are for S3-compatible stores (MinIO,
 * Ceph, S3Proxy); {@code workDir} holds temporary local copies for media tools.
 */
public record S3Settings(String bucket, String region, Optional<URI> endpoint, boolean pathStyle, boolean createBucket,
                         Path workDir) {

    public S3Settings {
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.length() < 3 || bucket.length() > 63) {
            throw new IllegalArgumentException("an S3 bucket name has 3 to 63 characters: " + bucket);
        }
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(workDir, "workDir");
    }
}
