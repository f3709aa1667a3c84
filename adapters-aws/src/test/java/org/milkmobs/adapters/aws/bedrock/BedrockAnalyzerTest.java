package org.milkmobs.adapters.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.milkmobs.adapters.aws.testing.BedrockDouble.Operation;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.BedrockFault;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.application.port.out.analysis.QueryEmbedder.AudioEmbedding;
import org.milkmobs.application.port.out.analysis.VideoEmbedder.Progress;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.video.Hashtags;

/** The Bedrock adapters through the real AWS SDK against the Bedrock double and S3Proxy. */
class BedrockAnalyzerTest {


    @TempDir
    static Path workDir;

    private static BedrockFixture fixture;
    private static final Campaign CAMPAIGN = new Campaign("Milk Mob", "People pour milk in slow motion", Hashtags.of("#MilkMob"),
            List.of("milk"));

    @BeforeAll
    static void start() {
        fixture = new BedrockFixture(workDir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void resetScenario() {
        fixture.bedrock.reset();
        fixture.usage.clear();
        fixture.ledger.withLimits();
    }

    @Test
    void aCallTheBudgetRefusesIsNeverMadeAndAnAllowedOneIsSettledAtItsActualCost() {
        BedrockAnalyzer analyzer = analyzer();
        VideoMedia media = fixture.video(30_000, 23);
        java.time.Instant now = java.time.Instant.now();
        fixture.ledger.withLimits(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.HOUR, java.math.BigDecimal.ZERO));

        assertThatThrownBy(() -> analyzer.queries().embedText("milk")).isInstanceOf(BudgetExhaustedException.class);
        assertThatThrownBy(() -> analyzer.embedder().embed(media, Map.of())).isInstanceOf(BudgetExhaustedException.class);
        assertThatThrownBy(() -> analyzer.understanding().understand(media, CAMPAIGN, now))
                .isInstanceOfSatisfying(BudgetExhaustedException.class, e -> assertThat(e.reopensAt()).isAfter(now));
        assertThat(fixture.bedrock.requests()).as("nothing reached Bedrock").isEmpty();
        assertThat(fixture.usage).isEmpty();

        fixture.ledger.withLimits(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.HOUR, java.math.BigDecimal.TEN));
        BudgetWindow month = BudgetWindow.containing(BudgetScope.GLOBAL, BudgetPeriod.MONTH, now);
        java.math.BigDecimal before = fixture.ledger.spent(month);
        analyzer.understanding().understand(media, CAMPAIGN, now);
        assertThat(fixture.ledger.reserved(month)).isEqualByComparingTo("0");
        assertThat(fixture.ledger.spent(month).subtract(before)).isPositive().isEqualByComparingTo(fixture.usage.stream()
                .map(UsageRecord::cost).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
    }

    @Test
    void aGatewayQueryCountsInItsKeysScopeAndIsRefusedThereBeforeBedrockIsCalled() {
        BedrockAnalyzer analyzer = analyzer();
        analyzer.queries().embedText("milk in the key's budget", "key-1");

        assertThat(fixture.usage).singleElement().satisfies(u -> assertThat(u.subject().apiKey()).contains("key-1"));
        int requests = fixture.bedrock.requests().size();
        fixture.ledger.withLimits(new BudgetLimit(BudgetScope.apiKey("key-1"), BudgetPeriod.DAY, java.math.BigDecimal.ZERO));

        assertThatThrownBy(() -> analyzer.queries().embedText("more milk", "key-1")).isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("key:key-1");
        assertThat(fixture.bedrock.requests()).hasSize(requests);
        analyzer.queries().embedText("more milk", "key-2");
        assertThat(fixture.bedrock.requests()).hasSize(requests + 1);
    }

    @Test
    void aQueryBedrockRefusesCarriesBedrocksErrorName() {
        fixture.bedrock.failNext(BedrockDouble.Operation.INVOKE_MODEL, BedrockFault.ACCESS_DENIED, 1);

        assertThatThrownBy(() -> analyzer().queries().embedText("forbidden milk", "key-1"))
                .isInstanceOfSatisfying(org.milkmobs.application.port.out.analysis.AnalysisFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.providerCode()).contains("AccessDeniedException");
                });
    }

    private BedrockAnalyzer analyzer() {
        return fixture.analyzer(fixture.settings(s -> s), BedrockCalls.DIRECT);
    }

    private static List<Embedding> embedToTheEnd(BedrockAnalyzer analyzer, VideoMedia media) {
        Progress progress = analyzer.embedder().embed(media, Map.of());
        for (int polls = 0; progress instanceof Progress.Pending pending && polls < 20; polls++) {
            progress = analyzer.embedder().embed(media, pending.state());
        }
        return ((Progress.Done) progress).embeddings();
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void aVideoIsEmbeddedByStartPollAndOutputWithClipAndAssetVectorsOfEveryModality() {
        fixture.bedrock.completeAfterPolls(2);
        VideoMedia media = fixture.video(40_000, 1);
        BedrockAnalyzer analyzer = analyzer();

        Progress started = analyzer.embedder().embed(media, Map.of());
        assertThat(started).isInstanceOf(Progress.Pending.class);
        Map<String, String> state = ((Progress.Pending) started).state();
        assertThat(state.get(MarengoVideoEmbedder.INVOCATION)).matches("arn:aws:bedrock:us-east-1:\\d{12}:async-invoke/[a-z0-9]{12}");
        assertThat(analyzer.embedder().embed(media, state)).isInstanceOf(Progress.Pending.class);
        List<Embedding> embeddings = ((Progress.Done) analyzer.embedder().embed(media, state)).embeddings();

        assertThat(embeddings).allSatisfy(e -> assertThat(e.model()).isEqualTo(EmbeddingModel.MARENGO_3));
        assertThat(embeddings).filteredOn(e -> e.scope() == Scope.ASSET).extracting(Embedding::modality)
                .containsExactlyInAnyOrder(Modality.VISUAL, Modality.AUDIO, Modality.TRANSCRIPTION);
        assertThat(embeddings).filteredOn(e -> e.scope() == Scope.CLIP && e.modality() == Modality.VISUAL)
                .extracting(e -> e.segment().startSeconds()).containsExactly(0.0, 6.0);
        JsonObject body = json(fixture.bedrock.requests().get(0).body());
        assertThat(body.getString("modelId")).isEqualTo(BedrockFixture.EMBED_MODEL);
        assertThat(body.getJsonObject("modelInput").getJsonObject("video").getJsonObject("mediaSource").containsKey("base64String")).isTrue();
        assertThat(body.getJsonObject("modelInput").getJsonObject("video").getJsonArray("embeddingScope")).hasSize(2);
        List<UsageRecord> usage = fixture.usageOf(ModelOperation.EMBED_VIDEO);
        assertThat(usage).singleElement().satisfies(u -> {
            assertThat(u.units()).containsEntry(PricedUnit.MEDIA_SECOND, 10.0);
            assertThat(u.cost()).isEqualByComparingTo("0.007");
            assertThat(u.subject().video()).contains(media.videoId());
            assertThat(u.requestToken()).isPresent();
        });
    }

    @Test
    void aJobAbandonedRightAfterStartAsyncInvokeResumesTheSameInvocationAndPaysOnce() {
        VideoMedia media = fixture.video(20_000, 2);
        BedrockAnalyzer analyzer = analyzer();

        analyzer.embedder().embed(media, Map.of());          // the worker dies before the ARN is committed
        List<Embedding> embeddings = embedToTheEnd(analyzer, media); // the rescued job starts over, with no state

        String token = fixture.usageOf(ModelOperation.EMBED_VIDEO).get(0).requestToken().orElseThrow();
        assertThat(fixture.bedrock.startRequests(token)).isEqualTo(2);
        assertThat(fixture.bedrock.invocations(token)).isEqualTo(1);
        assertThat(fixture.usageOf(ModelOperation.EMBED_VIDEO)).as("one usage record per call, both with the same token")
                .hasSize(2).allSatisfy(u -> assertThat(u.requestToken()).contains(token));
        assertThat(embeddings).isNotEmpty();
    }

    @Test
    void mediaGoesByS3ReferenceWhenTheStoreIsS3InTheModelsRegion() {
        VideoMedia media = fixture.video(12_000, 3);
        BedrockSettings settings = fixture.settings(BedrockFixture.Builder::mediaInS3);
        BedrockClients clients = fixture.clients(settings);
        fixture.copyToMediaBucket(media, clients.s3());

        embedToTheEnd(fixture.analyzer(settings, BedrockCalls.DIRECT), media);

        JsonObject source = json(fixture.bedrock.requests().get(0).body()).getJsonObject("modelInput").getJsonObject("video")
                .getJsonObject("mediaSource");
        assertThat(source.getJsonObject("s3Location").getString("uri")).isEqualTo("s3://milkmobs-media/" + media.key().value());
    }

    @Test
    void aFileTooLargeToInlineIsStagedInS3OrFailsTheVideoWithAClearReason() {
        VideoMedia media = fixture.video(30_000, 4);
        BedrockSettings staged = fixture.settings(s -> s.inlineLimit(10_000, true));
        embedToTheEnd(fixture.analyzer(staged, BedrockCalls.DIRECT), media);
        String uri = json(fixture.bedrock.requests().get(0).body()).getJsonObject("modelInput").getJsonObject("video")
                .getJsonObject("mediaSource").getJsonObject("s3Location").getString("uri");
        assertThat(uri).startsWith("s3://bedrock-staging/");
        assertThat(fixture.clients(staged).s3().listObjectsV2(b -> b.bucket(BedrockFixture.STAGING_BUCKET)).contents())
                .as("the staged copy is removed once Marengo is done").isEmpty();

        BedrockSettings unstaged = fixture.settings(s -> s.inlineLimit(10_000, false));
        assertThatThrownBy(() -> fixture.analyzer(unstaged, BedrockCalls.DIRECT).embedder().embed(media, Map.of()))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("bedrock.staging-bucket").contains("0.0 MB");
                });
    }

    @Test
    void anAsynchronousJobThatFailsFailsTheVideoWithBedrocksReason() {
        fixture.bedrock.failAsyncJobs("The video could not be decoded.");
        VideoMedia media = fixture.video(8_000, 5);
        assertThatThrownBy(() -> embedToTheEnd(analyzer(), media)).isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("The video could not be decoded.");
        });
    }

    @ParameterizedTest
    @EnumSource(BedrockFault.class)
    void everyBedrockErrorIsRetriedLaterOrFailsFastWithItsReasonAndIsMetered(BedrockFault fault) {
        fixture.bedrock.failNext(Operation.INVOKE_MODEL, fault, 1);
        VideoMedia media = fixture.video(5_000, 6);

        AnalysisFailedException failure = (AnalysisFailedException) org.assertj.core.api.Assertions.catchThrowable(
                () -> analyzer().understanding().understand(media, CAMPAIGN, Instant.now()));

        switch (fault) {
            case THROTTLING, MODEL_NOT_READY, MODEL_TIMEOUT, INTERNAL, SERVICE_UNAVAILABLE -> {
                assertThat(failure).isInstanceOf(AnalyzerBusyException.class);
                assertThat(((AnalyzerBusyException) failure).retryAfter()).isPositive();
            }
            case MODEL_ERROR -> assertThat(failure).isNotInstanceOf(AnalyzerBusyException.class)
                    .satisfies(f -> assertThat(f.permanent()).isFalse());
            case VALIDATION, ACCESS_DENIED, NOT_FOUND, QUOTA_EXCEEDED -> assertThat(failure.permanent()).isTrue();
        }
        assertThat(failure.getMessage()).contains(fault.errorType());
        assertThat(fixture.usageOf(ModelOperation.ANALYZE_VIDEO)).singleElement().satisfies(u -> {
            assertThat(u.errorCode()).contains(fault.errorType());
            assertThat(u.cost()).isZero();
        });
    }

    @Test
    void aRetryingGuardRidesOutThrottlingAndEveryAttemptHasItsUsageRecord() {
        fixture.bedrock.failNext(Operation.INVOKE_MODEL, BedrockFault.THROTTLING, 2).failNext(Operation.INVOKE_MODEL,
                BedrockFault.SERVICE_UNAVAILABLE, 1);
        VideoMedia media = fixture.video(5_000, 7);

        Analysis analysis = fixture.analyzer(fixture.settings(s -> s), new RetryingCalls(5)).understanding()
                .understand(media, CAMPAIGN, Instant.now());

        assertThat(analysis.participationScore()).hasValue(0.9);
        long invocations = fixture.bedrock.requests().stream().filter(r -> r.operation() == Operation.INVOKE_MODEL).count();
        assertThat(fixture.usage).hasSize((int) invocations).hasSize(4);
        assertThat(fixture.usage).filteredOn(UsageRecord::succeeded).hasSize(1);
    }

    @Test
    void pegasusAnswersAreCheckedAgainstTheSchemaAndBecomeAnAnalysisWithTokenCounts() {
        VideoMedia media = fixture.video(5_000, 8);

        Analysis analysis = analyzer().understanding().understand(media, CAMPAIGN, Instant.now());

        assertThat(analysis.analyzer()).isEqualTo(BedrockFixture.PEGASUS);
        assertThat(analysis.ocrText()).isEqualTo("MILK MOB");
        assertThat(analysis.summary()).contains("milk");
        assertThat(analysis.highlights()).singleElement().satisfies(h -> assertThat(h.segment().endSeconds()).isEqualTo(2.0));
        assertThat(analysis.audio().musicLikely()).isTrue();
        JsonObject request = json(fixture.bedrock.requests().get(0).body());
        assertThat(request.getString("inputPrompt")).contains("People pour milk in slow motion").contains("#milkmob");
        assertThat(request.getJsonObject("responseFormat").getJsonObject("jsonSchema").getJsonObject("schema").getJsonArray("required"))
                .hasSize(6);
        assertThat(fixture.usageOf(ModelOperation.ANALYZE_VIDEO)).singleElement().satisfies(u -> {
            assertThat(u.outputTokens()).isEqualTo(300);
            assertThat(u.units().get(PricedUnit.INPUT_TOKEN)).isPositive();
            assertThat(u.cost()).isEqualByComparingTo("0.00715"); // 10 s x 0.00049 + 300 x 0.0000075
        });
    }

    @Test
    void aTruncatedAnswerIsAskedForOnceMoreWithTheLargestAllowance() {
        fixture.bedrock.pegasusNeedsTokens(3000);
        Analysis analysis = analyzer().understanding().understand(fixture.video(5_000, 9), CAMPAIGN, Instant.now());
        assertThat(analysis.participationScore()).hasValue(0.9);
        assertThat(fixture.bedrock.requests()).extracting(r -> json(r.body()).getInt("maxOutputTokens")).containsExactly(2048, 4096);

        fixture.bedrock.pegasusNeedsTokens(5000);
        assertThatThrownBy(() -> analyzer().understanding().understand(fixture.video(5_000, 10), CAMPAIGN, Instant.now()))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
                    assertThat(e.permanent()).isFalse();
                    assertThat(e.getMessage()).contains("did not fit in 4096 tokens");
                });
    }

    @Test
    void anAnswerThatBreaksTheSchemaIsRefusedNamingTheField() {
        fixture.bedrock.pegasusAnswers(prompt -> Json.createObjectBuilder().add("participation_score", 1.7).add("on_screen_text", "")
                .add("summary", "").add("highlights", Json.createArrayBuilder()).add("has_speech", false).add("has_music", false).build());
        assertThatThrownBy(() -> analyzer().understanding().understand(fixture.video(5_000, 11), CAMPAIGN, Instant.now()))
                .isInstanceOf(AnalysisFailedException.class).hasMessageContaining("participation_score");

        fixture.bedrock.pegasusAnswers(prompt -> Json.createObjectBuilder().add("participation_score", 0.5).add("summary", "").build());
        assertThatThrownBy(() -> analyzer().understanding().understand(fixture.video(5_000, 12), CAMPAIGN, Instant.now()))
                .isInstanceOf(AnalysisFailedException.class).hasMessageContaining("lacks");
    }

    @Test
    void textAndImageQueriesAreEmbeddedSynchronouslyAndSimilarTextsLandNear() {
        BedrockAnalyzer analyzer = analyzer();
        float[] milk = analyzer.queries().embedText("kids pouring milk in slow motion").orElseThrow().vector();
        float[] milkAgain = analyzer.queries().embedText("pouring milk in slow motion").orElseThrow().vector();
        float[] cats = analyzer.queries().embedText("a cat asleep on a keyboard").orElseThrow().vector();
        assertThat(milk).hasSize(512);
        assertThat(Vectors.cosine(milk, milkAgain)).isGreaterThan(Vectors.cosine(milk, cats) + 0.3);

        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6};
        assertThat(analyzer.queries().embedImage(png).modality()).isEqualTo(Modality.IMAGE);
        assertThatThrownBy(() -> analyzer.queries().embedImage("not an image".getBytes())).isInstanceOf(MediaRejectedException.class);
        assertThat(fixture.bedrock.requests()).allSatisfy(r -> assertThat(r.modelId()).isEqualTo(BedrockFixture.INVOKE_MODEL_3));
        assertThat(fixture.usageOf(ModelOperation.EMBED_IMAGE)).singleElement()
                .satisfies(u -> assertThat(u.cost()).isEqualByComparingTo("0.0001"));
    }

    /** Issue 21 #5: a text with an image is one text_image invocation, its vector between the parts', priced as both. */
    @Test
    void aTextWithAnImageIsOneTextImageInvocationPricedAsItsParts() {
        BedrockAnalyzer analyzer = analyzer();
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7, 6, 5, 4};

        float[] composed = analyzer.queries().embedTextAndImage("kids at dusk", png).orElseThrow().vector();

        assertThat(fixture.bedrock.requests()).singleElement().satisfies(r -> {
            assertThat(r.body()).contains("\"inputType\":\"text_image\"").contains("kids at dusk").contains("base64String");
            assertThat(r.status()).isEqualTo(200);
        });
        float[] text = analyzer.queries().embedText("kids at dusk").orElseThrow().vector();
        float[] image = analyzer.queries().embedImage(png).vector();
        assertThat(Vectors.cosine(composed, text)).as("near the text").isGreaterThan(0.5);
        assertThat(Vectors.cosine(composed, image)).as("and near the image").isGreaterThan(0.5);
        assertThat(fixture.usageOf(ModelOperation.EMBED_TEXT_IMAGE)).singleElement()
                .satisfies(u -> assertThat(u.cost()).isGreaterThan(new java.math.BigDecimal("0.0001")));
        assertThatThrownBy(() -> analyzer.queries().embedTextAndImage("kids", "not an image".getBytes()))
                .isInstanceOf(MediaRejectedException.class);
    }

    @Test
    void anAudioQueryWaitsABoundedTimeThenHandsOutAHandleToPoll() {
        AudioClip wav = clip("RIFF\0\0\0\0WAVEfmt some samples", 4.0);
        fixture.bedrock.completeAfterPolls(1);
        assertThat(analyzer().queries().embedAudio(wav)).isInstanceOf(AudioEmbedding.Ready.class);

        fixture.bedrock.completeAfterPolls(3);
        BedrockAnalyzer impatient = fixture.analyzer(fixture.settings(s -> s.audioWait(java.time.Duration.ZERO)), BedrockCalls.DIRECT);
        AudioEmbedding pending = impatient.queries().embedAudio(clip("RIFF\0\0\0\0WAVEfmt other samples", 2.5));
        assertThat(pending).isInstanceOf(AudioEmbedding.Pending.class);
        String handle = ((AudioEmbedding.Pending) pending).handle();
        assertThat(impatient.queries().resumeAudio(handle)).isInstanceOf(AudioEmbedding.Pending.class);
        AudioEmbedding ready = impatient.queries().resumeAudio(handle);
        assertThat(ready).isInstanceOfSatisfying(AudioEmbedding.Ready.class,
                r -> assertThat(r.embedding().modality()).isEqualTo(Modality.AUDIO));
        assertThatThrownBy(() -> impatient.queries().embedAudio(clip("plain text", 1.0))).isInstanceOf(MediaRejectedException.class);
    }

    @Test
    void anAudioQueryIsReservedAndChargedForTheSecondsItLasts() {
        fixture.bedrock.completeAfterPolls(1);
        // room left for 9 seconds of audio this month: the 10-second clip's estimate ($0.007) does not fit
        BudgetWindow month = BudgetWindow.containing(BudgetScope.GLOBAL, BudgetPeriod.MONTH, Instant.now());
        java.math.BigDecimal used = fixture.ledger.spent(month).add(fixture.ledger.reserved(month));
        fixture.ledger.withLimits(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.MONTH, used.add(new java.math.BigDecimal("0.0063"))));
        BedrockAnalyzer analyzer = analyzer();

        assertThatThrownBy(() -> analyzer.queries().embedAudio(clip("RIFF\0\0\0\0WAVEfmt ten seconds", 10.0)))
                .isInstanceOf(BudgetExhaustedException.class);
        assertThat(fixture.bedrock.requests()).as("nothing was started").isEmpty();

        analyzer.queries().embedAudio(clip("RIFF\0\0\0\0WAVEfmt nine seconds", 9.0));
        assertThat(fixture.usageOf(ModelOperation.EMBED_AUDIO)).singleElement().satisfies(u -> {
            assertThat(u.units()).containsEntry(PricedUnit.MEDIA_SECOND, 9.0);
            assertThat(u.cost()).as("$0.0007 a second").isEqualByComparingTo("0.0063");
        });
    }

    private static AudioClip clip(String bytes, double seconds) {
        return new AudioClip(bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), seconds);
    }

    @Test
    void theLegacyMarengo27SpeaksItsOwnFlatRequestFormatAndGets1024DimensionalVectors() {
        BedrockSettings legacy = fixture.settings(BedrockFixture.Builder::marengo27);
        BedrockAnalyzer analyzer = fixture.analyzer(legacy, BedrockCalls.DIRECT);

        List<Embedding> embeddings = embedToTheEnd(analyzer, fixture.video(30_000, 13));
        Embedding text = analyzer.queries().embedText("milk").orElseThrow();

        JsonObject video = json(fixture.bedrock.requests().get(0).body()).getJsonObject("modelInput");
        assertThat(video.getString("inputType")).isEqualTo("video");
        assertThat(video.containsKey("video")).isFalse();
        assertThat(video.getInt("useFixedLengthSec")).isEqualTo(6);
        assertThat(video.getJsonArray("embeddingOption").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("visual-text", "audio");
        JsonObject textBody = json(fixture.bedrock.requests().stream().filter(r -> r.operation() == Operation.INVOKE_MODEL)
                .findFirst().orElseThrow().body());
        assertThat(textBody).containsEntry("inputText", Json.createValue("milk")).containsEntry("textTruncate", Json.createValue("end"));
        assertThat(text.vector()).hasSize(1024);
        assertThat(embeddings).allSatisfy(e -> assertThat(e.model()).isEqualTo(EmbeddingModel.MARENGO_2_7));
        assertThat(embeddings).filteredOn(e -> e.scope() == Scope.ASSET).extracting(Embedding::modality)
                .containsExactlyInAnyOrder(Modality.VISUAL, Modality.AUDIO);

        BedrockSettings baseIdForInvoke = fixture.settings(s -> s.marengo27().invokeModel("twelvelabs.marengo-embed-2-7-v1:0"));
        assertThatThrownBy(() -> fixture.analyzer(baseIdForInvoke, BedrockCalls.DIRECT).queries().embedText("milk"))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.getMessage()).contains("inference profile");
                });
    }

    @Test
    void theDoubleRefusesUnsignedOrBadlySignedRequests() {
        BedrockSettings settings = fixture.settings(s -> s);
        BedrockAnalyzer forged = new BedrockAnalyzer(settings, fixture.clients(settings, "not-the-secret"), fixture.blobs,
                BedrockCalls.DIRECT, fixture.recorder, fixture.budget(), fixture.prices, java.time.Clock.systemUTC());
        assertThatThrownBy(() -> forged.queries().embedText("milk")).isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("signature");
        });
    }

    @Test
    void aSlowAnswerHitsTheCallTimeoutAndCountsAsBusyNotAsAFailedVideo() {
        fixture.bedrock.delayResponses(java.time.Duration.ofMillis(1500));
        BedrockAnalyzer impatient = fixture.analyzer(fixture.settings(s -> s.callTimeout(java.time.Duration.ofMillis(300))),
                BedrockCalls.DIRECT);
        assertThatThrownBy(() -> impatient.understanding().understand(fixture.video(5_000, 14), CAMPAIGN, Instant.now()))
                .isInstanceOf(AnalyzerBusyException.class);
        assertThat(fixture.usageOf(ModelOperation.ANALYZE_VIDEO)).singleElement()
                .satisfies(u -> assertThat(u.succeeded()).isFalse());
    }

    @Test
    void theDoubleListsAsyncInvocationsByStatusInPagesAndRefusesMalformedBodiesAsBedrockDoes() {
        BedrockSettings settings = fixture.settings(s -> s);
        BedrockAnalyzer analyzer = fixture.analyzer(settings, BedrockCalls.DIRECT);
        for (int i = 0; i < 3; i++) {
            analyzer.embedder().embed(fixture.video(3_000, 100 + i), Map.of());
        }
        var runtime = fixture.clients(settings).runtime();

        var firstPage = runtime.listAsyncInvokes(b -> b.statusEquals("InProgress").maxResults(2));
        var secondPage = runtime.listAsyncInvokes(b -> b.statusEquals("InProgress").maxResults(2).nextToken(firstPage.nextToken()));
        assertThat(firstPage.asyncInvokeSummaries()).hasSize(2);
        assertThat(secondPage.asyncInvokeSummaries()).isNotEmpty().allSatisfy(summary -> {
            assertThat(summary.statusAsString()).isEqualTo("InProgress");
            assertThat(summary.invocationArn()).startsWith("arn:aws:bedrock:us-east-1:");
        });

        assertThatThrownBy(() -> runtime.invokeModel(b -> b.modelId(BedrockFixture.INVOKE_MODEL_3).contentType("application/json")
                .body(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"inputType\":\"text\",\"text\":{\"inputText\":\"\"}}"))))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.bedrockruntime.model.ValidationException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> runtime.invokeModel(b -> b.modelId(BedrockFixture.INVOKE_MODEL_3).contentType("application/json")
                .body(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"inputType\":\"video\",\"video\":{}}"))))
                .isInstanceOf(software.amazon.awssdk.services.bedrockruntime.model.ValidationException.class);
    }

    /** A guard that retries transient failures at once: what the fault-tolerance interceptor does, without the waits. */
    private record RetryingCalls(int maxAttempts) implements BedrockCalls {
        @Override
        public <T> T call(Supplier<T> attempt) {
            for (int i = 1; ; i++) {
                try {
                    return attempt.get();
                } catch (BedrockCallException.Transient e) {
                    if (i >= maxAttempts) {
                        throw e;
                    }
                }
            }
        }
    }
}
