package org.milkmobs.adapters.aws.bedrock;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Milk Mobs reaches Bedrock.
 *
 * @param marengoInvokeModel the model id or inference profile for synchronous calls (2.7 needs a profile there)
 * @param marengoAsyncModel the base model id for {@code StartAsyncInvoke}
 * @param outputUri where Bedrock writes asynchronous results ({@code s3://bucket/prefix}), in the model's region
 * @param mediaBucket the blob store's bucket, when the blob store is S3 in the model's region (media then goes by
 *                    reference); empty otherwise
 * @param stagingBucket a bucket in the model's region that files too large to inline are copied to
 * @param inlineLimitBytes the largest file sent inline as base64 (base64 grows it by a third, and a request body
 *                         is at most 25,000,000 bytes)
 */
public record BedrockSettings(String region, Optional<URI> endpoint, Optional<URI> s3Endpoint, boolean s3PathStyle,
                              String marengoInvokeModel, String marengoAsyncModel, String pegasusModel, String outputUri,
                              Optional<String> bucketOwner, Optional<String> mediaBucket, Optional<String> stagingBucket,
                              long inlineLimitBytes, int segmentSeconds, Duration pollInterval, int pegasusMaxOutputTokens,
                              Duration callTimeout, Duration audioQueryWait) {

    public static final long MAX_INLINE_BYTES = 18_000_000;

    public BedrockSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
        Objects.requireNonNull(pegasusModel, "pegasusModel");
        Objects.requireNonNull(bucketOwner, "bucketOwner");
        Objects.requireNonNull(mediaBucket, "mediaBucket");
        Objects.requireNonNull(stagingBucket, "stagingBucket");
        if (!outputUri.startsWith("s3://") || outputUri.length() <= 5) {
            throw new IllegalArgumentException("bedrock.output-uri must be an s3:// URI, got '" + outputUri + "'");
        }
        if (MarengoVersion.of(marengoInvokeModel) != MarengoVersion.of(marengoAsyncModel)) {
            throw new IllegalArgumentException("bedrock.marengo.invoke-model and bedrock.marengo.model name different Marengo versions");
        }
        if (inlineLimitBytes < 0 || inlineLimitBytes > MAX_INLINE_BYTES) {
            throw new IllegalArgumentException("bedrock.inline-limit-bytes is at most " + MAX_INLINE_BYTES);
        }
        if (segmentSeconds < 2 || segmentSeconds > 10) {
            throw new IllegalArgumentException("bedrock.marengo.segment-seconds lies in 2..10, got " + segmentSeconds);
        }
        if (pegasusMaxOutputTokens < 1 || pegasusMaxOutputTokens > PegasusUnderstanding.MAX_OUTPUT_TOKENS) {
            throw new IllegalArgumentException("bedrock.pegasus.max-output-tokens lies in 1.." + PegasusUnderstanding.MAX_OUTPUT_TOKENS);
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(audioQueryWait, "audioQueryWait");
    }

    public MarengoVersion marengoVersion() {
        return MarengoVersion.of(marengoAsyncModel);
    }

    /** The output URI without a trailing slash. */
    public String outputPrefix() {
        return outputUri.endsWith("/") ? outputUri.substring(0, outputUri.length() - 1) : outputUri;
    }
}
