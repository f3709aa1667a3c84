package org.milkmobs.bootstrap.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.S3ProxyServer;
import org.milkmobs.bootstrap.system.ApiClient;
import org.milkmobs.bootstrap.system.BedrockStack;
import org.milkmobs.bootstrap.system.MilkMobsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The gateway's overhead: p50 of {@code POST /v1/embeddings} (one text, through the WAR: key lookup, rate limit,
 * budget reservation and settlement, usage row, the SDK call to the Bedrock double) against the same InvokeModel
 * made directly with the AWS SDK to the same double, interleaved in one run. Every text is new, so the query cache
 * never answers. Run with {@code ./mm bench gateway [calls] [warm-up]}.
 */
public final class GatewayBenchmark {

    private static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("gateway-bench");
        try (BedrockStack stack = BedrockStack.start("bench-gateway", dir, Map.of(
                "PIPELINE_WORKERS_ENABLED", "false",
                "GATEWAY_RATE_LIMIT_REQUESTS", "100000000"))) {
            BedrockDouble bedrock = stack.bedrock();
            MilkMobsServer server = stack.server();
            try (BedrockRuntimeClient direct = BedrockRuntimeClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials())
                         .endpointOverride(bedrock.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
                ApiClient admin = server.as(server.tokens().admin("bench"));
                String key = admin.postJson("/api/admin/api-keys", "{\"name\":\"bench\"}").json().getString("key");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI embeddings = server.uri("/v1/embeddings");
                List<Double> gateway = new ArrayList<>();
                List<Double> sdk = new ArrayList<>();
                for (int i = -warmup; i < calls; i++) {
                    String text = "benchmark text number " + i + " about a milk mob";
                    long t0 = System.nanoTime();
                    direct.invokeModel(b -> b.modelId(MARENGO).contentType("application/json").accept("application/json")
                            .body(SdkBytes.fromString("{\"inputType\":\"text\",\"text\":{\"inputText\":\"direct " + text + "\"}}",
                                    StandardCharsets.UTF_8)));
                    long t1 = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(embeddings).header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"model\":\"" + MARENGO + "\",\"input\":\"" + text + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    long t2 = System.nanoTime();
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("the gateway answered " + response.statusCode() + ": " + response.body());
                    }
                    if (i >= 0) {
                        sdk.add((t1 - t0) / 1e6);
                        gateway.add((t2 - t1) / 1e6);
                    }
                }
                double gatewayP50 = percentile(gateway, 50);
                double sdkP50 = percentile(sdk, 50);
                System.out.printf(Locale.ROOT, "%d calls each after %d warm-up, one text (512-d Marengo 3.0 vector), Bedrock double on 127.0.0.1%n",
                        calls, warmup);
                System.out.printf(Locale.ROOT, "direct AWS SDK InvokeModel      p50 %7.2f ms  p95 %7.2f ms%n", sdkP50, percentile(sdk, 95));
                System.out.printf(Locale.ROOT, "POST /v1/embeddings (gateway)   p50 %7.2f ms  p95 %7.2f ms%n", gatewayP50,
                        percentile(gateway, 95));
                System.out.printf(Locale.ROOT, "gateway overhead at p50: %.2f ms (%.1fx the direct call)%n", gatewayP50 - sdkP50,
                        gatewayP50 / sdkP50);
            }
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY));
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
