package org.milkmobs.adapters.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.testing.BedrockDouble.Operation;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoEmbedder.Progress;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.video.ContentHash;

/** Marengo embeds a file uploaded through the gateway: the pipeline's asynchronous invocation, under the key, through the double. */
class MarengoUploadEmbeddingTest {

    @TempDir
    static Path workDir;

    private static BedrockFixture fixture;

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

    private VideoEmbedder embedder() {
        return fixture.analyzer(fixture.settings(s -> s), BedrockCalls.DIRECT).embedder();
    }

    private UploadedMedia upload(UploadedMedia.Kind kind, long seed, String key, String job) {
        byte[] content = new byte[30_000];
        new Random(seed).nextBytes(content);
        ContentHash hash = new ContentHash("%064x".formatted(seed));
        fixture.blobs.put(BlobKey.gatewayUpload(hash), content);
        return new UploadedMedia(BlobKey.gatewayUpload(hash), kind, 10.0, content.length, hash, Optional.empty(), key, job);
    }

    @Test
    void anUploadedVideoIsStartedUnderItsKeyOncePerJobPolledForFreeAndReadFromItsOutput() {
        fixture.bedrock.completeAfterPolls(2);
        UploadedMedia media = upload(UploadedMedia.Kind.VIDEO, 11, "key-1", "vemb_one");
        VideoEmbedder marengo = embedder();

        Map<String, String> state = ((Progress.Pending) marengo.embedUpload(media, Map.of())).state();
        Map<String, String> again = ((Progress.Pending) marengo.embedUpload(media, Map.of())).state();
        assertThat(marengo.embedUpload(media, state)).isInstanceOf(Progress.Pending.class);
        List<Embedding> vectors = ((Progress.Done) marengo.embedUpload(media, state)).embeddings();

        assertThat(again).as("the same job's start is the same invocation").isEqualTo(state);
        String token = AsyncInvocations.requestToken("gateway-upload", "vemb_one", BedrockFixture.EMBED_MODEL);
        assertThat(fixture.bedrock.startRequests(token)).isEqualTo(2);
        assertThat(fixture.bedrock.invocations(token)).isEqualTo(1);
        assertThat(vectors).filteredOn(e -> e.scope() == Scope.ASSET).extracting(Embedding::modality)
                .containsExactlyInAnyOrder(Modality.VISUAL, Modality.AUDIO, Modality.TRANSCRIPTION);
        assertThat(vectors).filteredOn(e -> e.scope() == Scope.CLIP).isNotEmpty();
        assertThat(fixture.usageOf(ModelOperation.EMBED_VIDEO)).isNotEmpty().allSatisfy(u -> {
            assertThat(u.subject().apiKey()).contains("key-1");
            assertThat(u.subject().video()).isEmpty();
            assertThat(u.subject().query()).hasValueSatisfying(q -> assertThat(q).startsWith("upload:sha256:"));
            assertThat(u.units()).containsEntry(PricedUnit.MEDIA_SECOND, 10.0);
        });
    }

    @Test
    void anUploadedAudioFileIsEmbeddedAsSegmentedSoundAndSpeech() {
        UploadedMedia media = upload(UploadedMedia.Kind.AUDIO, 12, "key-1", "vemb_audio");
        VideoEmbedder marengo = embedder();

        Map<String, String> state = ((Progress.Pending) marengo.embedUpload(media, Map.of())).state();
        Progress done = marengo.embedUpload(media, state);

        JsonObject body = Json.createReader(new StringReader(fixture.bedrock.requests().get(0).body())).readObject();
        JsonObject audio = body.getJsonObject("modelInput").getJsonObject("audio");
        assertThat(body.getJsonObject("modelInput").getString("inputType")).isEqualTo("audio");
        assertThat(audio.getJsonObject("segmentation").getJsonObject("fixed").getInt("durationSec")).isPositive();
        assertThat(audio.getJsonArray("embeddingScope")).hasSize(2);
        assertThat(((Progress.Done) done).embeddings()).isNotEmpty().allSatisfy(e -> assertThat(e.modality()).isIn(Modality.AUDIO,
                Modality.TRANSCRIPTION));
        assertThat(fixture.usageOf(ModelOperation.EMBED_AUDIO)).singleElement()
                .satisfies(u -> assertThat(u.subject().apiKey()).contains("key-1"));
    }

    @Test
    void theKeysCeilingRefusesTheStartBeforeBedrockIsCalledAndAFailedInvocationIsPermanent() {
        fixture.ledger.withLimits(new BudgetLimit(BudgetScope.apiKey("key-2"), BudgetPeriod.DAY, java.math.BigDecimal.ZERO));
        VideoEmbedder marengo = embedder();

        assertThatThrownBy(() -> marengo.embedUpload(upload(UploadedMedia.Kind.VIDEO, 13, "key-2", "vemb_broke"), Map.of()))
                .isInstanceOf(BudgetExhaustedException.class).hasMessageContaining("key:key-2");
        assertThat(fixture.bedrock.requests()).isEmpty();

        fixture.bedrock.failAsyncJobs("the file is not a video Marengo can read");
        UploadedMedia failing = upload(UploadedMedia.Kind.VIDEO, 14, "key-1", "vemb_failing");
        Map<String, String> state = ((Progress.Pending) marengo.embedUpload(failing, Map.of())).state();
        assertThatThrownBy(() -> marengo.embedUpload(failing, state)).isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("not a video Marengo can read");
        });
        assertThat(fixture.bedrock.requests()).extracting(r -> r.operation()).containsExactly(Operation.START_ASYNC_INVOKE,
                Operation.GET_ASYNC_INVOKE);
    }
}
