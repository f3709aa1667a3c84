package org.milkmobs.adapters.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.BedrockFault;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.ChatModel.ChatAnswer;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.application.testing.VideoQuestionsContract;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/** The video-questions contract on Pegasus's InvokeModel, through the real AWS SDK and the Bedrock double; and its metering. */
class PegasusQuestionsTest extends VideoQuestionsContract {

    @TempDir
    static Path workDir;

    private static BedrockFixture fixture;
    private static VideoQuestions questions;

    @BeforeAll
    static void start() {
        fixture = new BedrockFixture(workDir);
        questions = fixture.analyzer(fixture.settings(s -> s), BedrockCalls.DIRECT).videoQuestions();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.bedrock.reset();
        fixture.usage.clear();
    }

    @Override
    protected VideoQuestions questions() {
        return questions;
    }

    @Override
    protected VideoMedia storedVideo() {
        return fixture.video(20_000, 5);
    }

    @Test
    void aQuestionIsMeteredForTheVideoAndTheKeyWithPegasusTokens() {
        VideoMedia video = storedVideo();

        questions.ask(video, "Who pours the milk?", 1024, new Subject(Optional.of(video.videoId()), Optional.of("chat:pegasus"),
                Optional.of("key-9")));

        assertThat(fixture.usageOf(ModelOperation.ANALYZE_VIDEO)).singleElement().satisfies(u -> {
            assertThat(u.subject().apiKey()).contains("key-9");
            assertThat(u.subject().video()).contains(video.videoId());
            assertThat(u.outputTokens()).isPositive();
        });
        assertThat(fixture.bedrock.requests()).singleElement().satisfies(r -> {
            assertThat(r.body()).contains("Who pours the milk?").doesNotContain("responseFormat");
        });
    }

    @Test
    void aStreamedQuestionArrivesChunkByChunkThroughOneStreamingInvocationAndIsMeteredOnceWithItsMetrics() {
        VideoMedia video = storedVideo();
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatAnswer answer = questions.askStreaming(video, "Who pours the milk?", 1024, new Subject(Optional.of(video.videoId()),
                Optional.of("chat:pegasus"), Optional.of("key-9")), pieces::add);

        assertThat(pieces).hasSizeGreaterThan(3);
        assertThat(String.join("", pieces)).isEqualTo(answer.text()).contains("People pour milk in slow motion");
        assertThat(answer.outputTokens()).isEqualTo(300);
        assertThat(answer.inputTokens()).isPositive();
        assertThat(fixture.bedrock.requests()).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo(BedrockDouble.Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM);
            assertThat(r.body()).contains("Who pours the milk?");
        });
        assertThat(fixture.usageOf(ModelOperation.ANALYZE_VIDEO)).singleElement().satisfies(u -> {
            assertThat(u.subject().apiKey()).contains("key-9");
            assertThat(u.outputTokens()).isEqualTo(300);
        });
    }

    @Test
    void aRefusedStreamKeepsBedrocksErrorNameAndHandsNothingOver() {
        VideoMedia video = storedVideo();
        List<String> pieces = new CopyOnWriteArrayList<>();
        fixture.bedrock.failNext(BedrockDouble.Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, BedrockFault.VALIDATION, 1);

        assertThatThrownBy(() -> questions.askStreaming(video, "Who?", 1024, new Subject(Optional.of(video.videoId()),
                Optional.of("chat:pegasus"), Optional.of("key-9")), pieces::add))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
                    assertThat(e.providerCode()).contains("ValidationException");
                    assertThat(e.permanent()).isTrue();
                });
        assertThat(pieces).isEmpty();
    }
}
