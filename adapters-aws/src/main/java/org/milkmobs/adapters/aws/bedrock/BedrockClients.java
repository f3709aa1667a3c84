package org.milkmobs.adapters.aws.bedrock;

import org.milkmobs.adapters.aws.s3.S3Clients;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The SDK clients Bedrock work needs: the runtime, and S3 for staged media and asynchronous results. */
public record BedrockClients(BedrockRuntimeClient runtime, S3Client s3) implements AutoCloseable {

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
        S3Client s3 = S3Clients.create(region, credentials, settings.s3Endpoint(), settings.s3PathStyle());
        return new BedrockClients(runtime.build(), s3);
    }

    @Override
    public void close() {
        runtime.close();
        s3.close();
    }
}
