package org.milkmobs.adapters.aws.bedrock;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.S3ProxyServer;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.service.budget.BudgetGuard;
import org.milkmobs.application.testing.InMemoryBudgetLedger;
import org.milkmobs.application.testing.InMemoryUsage;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.VideoId;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;

/** S3Proxy, the Bedrock double, and a {@link BedrockAnalyzer} wired to them as the application wires it. */
final class BedrockFixture implements AutoCloseable {

    static final String OUTPUT_BUCKET = "bedrock-output";
    static final String STAGING_BUCKET = "bedrock-staging";
    static final String MEDIA_BUCKET = "milkmobs-media";
    static final java.math.BigDecimal MARENGO_PER_SECOND = new java.math.BigDecimal("0.0007");

    final S3ProxyServer s3proxy;
    final BedrockDouble bedrock;
    final InMemoryBlobStorage blobs = new InMemoryBlobStorage();
    final List<UsageRecord> usage = Collections.synchronizedList(new ArrayList<>());
    /** The usage table, in memory: a repeated request token already paid for is written at no cost, as in model_usage. */
    final InMemoryUsage recorder = new InMemoryUsage(usage::add);
    /** The budget, in memory; settled calls reach {@link #usage} through it, as they reach model_usage in the app. */
    final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(recorder);
    final PriceTable prices = PriceTable.empty()
            .with(EMBED_MODEL, PricedUnit.MEDIA_SECOND, MARENGO_PER_SECOND)
            .with(INVOKE_MODEL_3, PricedUnit.INPUT_TOKEN, new java.math.BigDecimal("0.00007"))
            .with(INVOKE_MODEL_3, PricedUnit.IMAGE, new java.math.BigDecimal("0.0001"))
            .with(PEGASUS, PricedUnit.MEDIA_SECOND, new java.math.BigDecimal("0.00049"))
            .with(PEGASUS, PricedUnit.OUTPUT_TOKEN, new java.math.BigDecimal("0.0000075"))
            .with(BedrockChatTest.CLAUDE, PricedUnit.INPUT_TOKEN, new java.math.BigDecimal("0.000001"))
            .with(BedrockChatTest.CLAUDE, PricedUnit.OUTPUT_TOKEN, new java.math.BigDecimal("0.000005"));
    private final List<BedrockClients> clients = new ArrayList<>();

    static final String EMBED_MODEL = "twelvelabs.marengo-embed-3-0-v1:0";
    static final String INVOKE_MODEL_3 = "us.twelvelabs.marengo-embed-3-0-v1:0";
    static final String PEGASUS = "us.twelvelabs.pegasus-1-2-v1:0";

    BedrockFixture(Path workDir) {
        s3proxy = S3ProxyServer.start(workDir);
        bedrock = BedrockDouble.start(s3proxy.endpoint(), S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        try (var s3 = clients(settings(s -> s)).s3()) {
            for (String bucket : List.of(OUTPUT_BUCKET, STAGING_BUCKET, MEDIA_BUCKET)) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    BedrockSettings settings(UnaryOperator<Builder> change) {
        return change.apply(new Builder(this)).build();
    }

    BedrockClients clients(BedrockSettings settings) {
        return clients(settings, S3ProxyServer.SECRET_KEY);
    }

    /** Clients that sign with {@code secret}; the right one is S3Proxy's, which the double shares. */
    BedrockClients clients(BedrockSettings settings, String secret) {
        BedrockClients created = BedrockClients.create(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, secret)));
        clients.add(created);
        return created;
    }

    BedrockAnalyzer analyzer(BedrockSettings settings, BedrockCalls calls) {
        return new BedrockAnalyzer(settings, clients(settings), blobs, calls, recorder, budget(), prices, Clock.systemUTC());
    }

    PaidCallGate budget() {
        return new BudgetGuard(new Budget(prices, BudgetMode.STRICT), ledger, Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** A stored "video" of {@code bytes} pseudo-random bytes (the double reads bytes, not pictures). */
    VideoMedia video(int bytes, long seed) {
        byte[] content = new byte[bytes];
        new Random(seed).nextBytes(content);
        VideoId id = VideoId.generate();
        BlobKey key = BlobKey.source(id);
        blobs.put(key, content);
        return new VideoMedia(id, key, new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 10.0, 1280, 720, bytes,
                new ContentHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
    }

    /** Also puts the video's bytes in the S3 media bucket, as the S3 blob store would hold them. */
    void copyToMediaBucket(VideoMedia media, software.amazon.awssdk.services.s3.S3Client s3) {
        try (var in = blobs.read(media.key(), 0, media.facts().sizeBytes())) {
            s3.putObject(b -> b.bucket(MEDIA_BUCKET).key(media.key().value()), RequestBody.fromBytes(in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<UsageRecord> usageOf(ModelOperation operation) {
        synchronized (usage) {
            return usage.stream().filter(u -> u.operation() == operation).toList();
        }
    }

    @Override
    public void close() {
        clients.forEach(BedrockClients::close);
        bedrock.close();
        s3proxy.close();
    }

    /** The settings tests start from: Marengo 3.0, inline media, output to the S3Proxy bucket. */
    static final class Builder {
        final BedrockFixture fixture;
        String invokeModel = INVOKE_MODEL_3;
        String asyncModel = EMBED_MODEL;
        Optional<String> mediaBucket = Optional.empty();
        Optional<String> stagingBucket = Optional.empty();
        long inlineLimit = BedrockSettings.MAX_INLINE_BYTES;
        int maxOutputTokens = 2048;
        Duration audioWait = Duration.ofSeconds(5);
        Duration callTimeout = Duration.ofSeconds(20);

        Builder(BedrockFixture fixture) {
            this.fixture = fixture;
        }

        Builder marengo27() {
            invokeModel = "us.twelvelabs.marengo-embed-2-7-v1:0";
            asyncModel = "twelvelabs.marengo-embed-2-7-v1:0";
            return this;
        }

        Builder invokeModel(String model) {
            invokeModel = model;
            return this;
        }

        Builder mediaInS3() {
            mediaBucket = Optional.of(MEDIA_BUCKET);
            return this;
        }

        Builder inlineLimit(long bytes, boolean staging) {
            inlineLimit = bytes;
            stagingBucket = staging ? Optional.of(STAGING_BUCKET) : Optional.empty();
            return this;
        }

        Builder maxOutputTokens(int tokens) {
            maxOutputTokens = tokens;
            return this;
        }

        Builder callTimeout(Duration timeout) {
            callTimeout = timeout;
            return this;
        }

        Builder audioWait(Duration wait) {
            audioWait = wait;
            return this;
        }

        BedrockSettings build() {
            URI endpoint = fixture.bedrock.endpoint();
            return new BedrockSettings(BedrockDouble.REGION, Optional.of(endpoint), Optional.of(fixture.s3proxy.endpoint()), true,
                    invokeModel, asyncModel, PEGASUS, "s3://" + OUTPUT_BUCKET + "/marengo", Optional.empty(), mediaBucket, stagingBucket,
                    inlineLimit, 6, Duration.ofMillis(10), maxOutputTokens, callTimeout, audioWait);
        }
    }
}
