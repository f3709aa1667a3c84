package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeStatus;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bedrock's asynchronous invocations: start one (idempotent per client request token), ask where it is,
 * and read its {@code <s3Uri>/<invocationId>/output.json} once it completed.
 */
final class AsyncInvocations {

    private final BedrockSettings settings;
    private final BedrockRuntimeClient runtime;
    private final S3Client s3;
    private final MeteredCall calls;

    AsyncInvocations(BedrockSettings settings, BedrockRuntimeClient runtime, S3Client s3, MeteredCall calls) {
        this.settings = settings;
        this.runtime = runtime;
        this.s3 = s3;
        this.calls = calls;
    }

    /**
     * A token derived from what the invocation is for, so that a retried start (a rescued job, a retried
     * request) is the same invocation at Bedrock and is not paid twice.
     */
    static String requestToken(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
            return "mm-" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts (or, for a token seen before, finds again) the invocation; returns its ARN. */
    String start(MeteredCall.Invocation invocation, JsonObject modelInput) {
        String token = invocation.requestToken().orElseThrow();
        StartAsyncInvokeResponse started = calls.invoke(invocation, () -> runtime.startAsyncInvoke(b -> b
                .clientRequestToken(token)
                .modelId(settings.marengoAsyncModel())
                .modelInput(JsonDocuments.toDocument(modelInput))
                .outputDataConfig(AsyncInvokeOutputDataConfig.fromS3OutputDataConfig(AsyncInvokeS3OutputDataConfig.builder()
                        .s3Uri(settings.outputPrefix()).bucketOwner(settings.bucketOwner().orElse(null)).build()))),
                response -> 0, MeteredCall.UnitReader.none());
        return started.invocationArn();
    }

    sealed interface Status {
        record InProgress() implements Status {
        }

        record Completed(JsonObject output) implements Status {
        }

        record Failed(String reason) implements Status {
        }
    }

    Status status(String invocationArn) {
        GetAsyncInvokeResponse job = calls.free(() -> runtime.getAsyncInvoke(b -> b.invocationArn(invocationArn)));
        if (job.status() == AsyncInvokeStatus.COMPLETED) {
            return new Status.Completed(output(invocationArn, job));
        }
        if (job.status() == AsyncInvokeStatus.FAILED) {
            return new Status.Failed(job.failureMessage() == null ? "no reason given" : job.failureMessage());
        }
        return new Status.InProgress();
    }

    private JsonObject output(String invocationArn, GetAsyncInvokeResponse job) {
        String prefix = job.outputDataConfig() != null && job.outputDataConfig().s3OutputDataConfig() != null
                ? job.outputDataConfig().s3OutputDataConfig().s3Uri() : settings.outputPrefix();
        URI location = URI.create((prefix.endsWith("/") ? prefix : prefix + "/") + invocationId(invocationArn) + "/output.json");
        String bucket = location.getHost();
        String key = location.getPath().substring(1);
        byte[] json = calls.free(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        return JsonDocuments.parseObject(json);
    }

    /** The ARN's last segment: {@code arn:aws:bedrock:<region>:<account>:async-invoke/<id>}. */
    static String invocationId(String invocationArn) {
        int slash = invocationArn.lastIndexOf('/');
        if (slash < 0 || slash == invocationArn.length() - 1) {
            throw new MalformedAnswerException("not an async-invoke ARN: " + invocationArn);
        }
        return invocationArn.substring(slash + 1);
    }
}
