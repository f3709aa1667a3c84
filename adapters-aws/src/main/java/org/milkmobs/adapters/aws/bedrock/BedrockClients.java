package org.milkmobs.adapters.aws.bedrock;

import org.milkmobs.adapters.aws.s3.S3Clients;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK clients Bedrock work needs: the runtime, its async twin for the streaming operations (ConverseStream,
 * InvokeModelWithResponseStream exist only there), and S3 for staged media and asynchronous results.
 */
public record BedrockClients(BedrockRuntimeClient runtime, BedrockRuntimeAsyncClient streaming, S3Client s3) implements AutoCloseable {

    /**
     * The SDK's own retries are off: every attempt must pass our fault tolerance and be metered, and an
     * invisible retry inside the SDK would be an unrecorded (perhaps paid) invocation.
     */
    public static BedrockClients create(BedrockSettings settings, AwsCredentialsProvider credentials) {
        Region region = Region.of(settings.region());
        var runtime = BedrockRuntimeClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallTimeout(settings.callTimeout()));
        settings.endpoint().ifPresent(runtime::endpointOverride);
        // No apiCallTimeout here: a stream legitimately lasts as long as the model writes; the attempt timeout
        // still bounds a silent connection. HTTP/1.1: the SDK defaults this service to HTTP/2 for the
        // bidirectional operation we do not use, while ConverseStream and InvokeModelWithResponseStream answer
        // over HTTP/1.1 as well (what the AWS CLI speaks).
        var streaming = BedrockRuntimeAsyncClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64).protocol(Protocol.HTTP1_1))
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallAttemptTimeout(settings.callTimeout()));
        settings.endpoint().ifPresent(streaming::endpointOverride);
        S3Client s3 = S3Clients.create(region, credentials, settings.s3Endpoint(), settings.s3PathStyle());
        return new BedrockClients(runtime.build(), streaming.build(), s3);
    }

    @Override
    public void close() {
        runtime.close();
        streaming.close();
        s3.close();
    }
}
