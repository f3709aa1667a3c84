package org.milkmobs.adapters.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies AWS Signature Version 4 the way a service does: it re-signs the received request (method, path,
 * query, the headers the client said it signed, the body) with the known secret at the client's
 * {@code X-Amz-Date}, and compares signatures. Signing itself is the SDK's signer, so the check is exactly
 * as strict as AWS's.
 */
final class SigV4Check {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;

    SigV4Check(String accessKey, String secretKey, String region, String service) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.service = service;
    }

    /** Why the request's signature is not valid, or null when it is. */
    String problem(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return "Missing Authentication Token";
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.matches()) {
            return "Authorization header is not AWS4-HMAC-SHA256";
        }
        if (!accessKey.equals(m.group(1))) {
            return "The security token included in the request is invalid.";
        }
        if (!region.equals(m.group(3)) || !service.equals(m.group(4))) {
            return "Credential should be scoped to a valid region and service " + region + "/" + service;
        }
        String date = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(date == null ? "" : date, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "X-Amz-Date is missing or malformed";
        }
        if (Duration.between(signedAt, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
            return "Signature expired: " + date + " is more than 15 minutes from now";
        }
        List<String> signedHeaders = List.of(m.group(5).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            return "host and x-amz-date must be signed";
        }
        String query = exchange.getRequestURI().getRawQuery();
        String host = exchange.getRequestHeaders().getFirst("Host");
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(exchange.getRequestMethod()))
                .uri(URI.create("http://" + host + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query)));
        for (String name : signedHeaders) {
            if (!name.equals("host") && !name.equals("x-amz-date")) {
                List<String> values = exchange.getRequestHeaders().get(name);
                if (values == null) {
                    return "signed header " + name + " is missing";
                }
                request.putHeader(name, values);
            }
        }
        String expected = AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElse("");
        Matcher e = AUTHORIZATION.matcher(expected);
        if (!e.matches() || !e.group(6).equals(m.group(6))) {
            return "The request signature we calculated does not match the signature you provided.";
        }
        return null;
    }
}
