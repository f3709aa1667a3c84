package org.milkmobs.bootstrap.system;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.milkmobs.adapters.aws.s3.S3Clients;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.S3ProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A Milk Mobs server on the Bedrock analyzer, with what it needs on loopback: the Bedrock double and the S3Proxy
 * that Marengo's asynchronous output goes through (bucket {@code bedrock-output}). Closing it stops all three.
 */
public final class BedrockStack implements AutoCloseable {

    public static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";
    public static final String PEGASUS = "us.twelvelabs.pegasus-1-2-v1:0";

    private final S3ProxyServer s3proxy;
    private final BedrockDouble bedrock;
    private final MilkMobsServer server;

    private BedrockStack(S3ProxyServer s3proxy, BedrockDouble bedrock, MilkMobsServer server) {
        this.s3proxy = s3proxy;
        this.bedrock = bedrock;
        this.server = server;
    }

    /** Starts the stack; {@code extraEnvironment} adds to or overrides the Bedrock configuration. */
    public static BedrockStack start(String name, Path dir, Map<String, String> extraEnvironment) {
        return start(name, dir, extraEnvironment, UnaryOperator.identity());
    }

    /** As {@link #start(String, Path, Map)}, the server reaching its database through {@code route}. */
    public static BedrockStack start(String name, Path dir, Map<String, String> extraEnvironment, UnaryOperator<String> route) {
        S3ProxyServer s3proxy = S3ProxyServer.start(dir);
        BedrockDouble bedrock = null;
        try {
            try (var s3 = S3Clients.create(Region.US_EAST_1, StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)), Optional.of(s3proxy.endpoint()), true)) {
                s3.createBucket(b -> b.bucket("bedrock-output"));
            }
            bedrock = BedrockDouble.start(s3proxy.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
            Map<String, String> environment = new HashMap<>(Map.of(
                    "ANALYZER", "bedrock",
                    "BEDROCK_ENDPOINT", bedrock.endpoint().toString(),
                    "BEDROCK_S3_ENDPOINT", s3proxy.endpoint().toString(),
                    "BEDROCK_S3_PATH_STYLE", "true",
                    "BEDROCK_OUTPUT_URI", "s3://bedrock-output/marengo",
                    "BEDROCK_POLL_INTERVAL", "PT0.2S",
                    "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY,
                    "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY,
                    "MOBS_RECLUSTER_EVERY", "P365D"));
            environment.putAll(extraEnvironment);
            return new BedrockStack(s3proxy, bedrock, MilkMobsServer.start(name, environment, route));
        } catch (RuntimeException e) {
            if (bedrock != null) {
                bedrock.close();
            }
            s3proxy.close();
            throw e;
        }
    }

    public BedrockDouble bedrock() {
        return bedrock;
    }

    public MilkMobsServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        bedrock.close();
        s3proxy.close();
    }
}
