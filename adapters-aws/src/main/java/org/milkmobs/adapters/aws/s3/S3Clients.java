package org.milkmobs.adapters.aws.s3;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds S3 clients the same way everywhere: for AWS, or for an S3-compatible store at an endpoint. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client create(Region region, AwsCredentialsProvider credentials, Optional<URI> endpoint, boolean pathStyle) {
        var builder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .forcePathStyle(pathStyle);
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                // S3-compatible stores often refuse the SDK's default checksum trailers (aws-chunked bodies).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }
}
