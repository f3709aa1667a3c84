package org.milkmobs.adapters.aws.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.BedrockFault;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.chat.ChatModel.ChatMessage;
import org.milkmobs.application.port.out.chat.ChatModel.ChatRequest;
import org.milkmobs.application.port.out.chat.ChatModel.Role;
import org.milkmobs.application.testing.ChatModelContract;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/** The chat contract on Bedrock's Converse API, through the real AWS SDK and the Bedrock double; and its metering. */
class BedrockChatTest extends ChatModelContract {

    static final String CLAUDE = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

    @TempDir
    static Path workDir;

    private static BedrockFixture fixture;
    private static ChatModel chat;

    @BeforeAll
    static void start() {
        fixture = new BedrockFixture(workDir);
        chat = fixture.analyzer(fixture.settings(s -> s), BedrockCalls.DIRECT).chat();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.bedrock.reset();
        fixture.usage.clear();
        fixture.ledger.withLimits();
    }

    @Override
    protected ChatModel chat() {
        return chat;
    }

    @Override
    protected String modelId() {
        return CLAUDE;
    }

    @Test
    void aConversationIsMeteredUnderItsKeyWithTheTokensBedrockReports() {
        chat.converse(new ChatRequest(CLAUDE, List.of(new ChatMessage(Role.USER, "count my words please")), 50, Optional.empty(),
                Optional.empty(), List.of()), Subject.forApiKey("chat:claude", "key-7"));

        assertThat(fixture.usageOf(ModelOperation.CHAT)).singleElement().satisfies(u -> {
            assertThat(u.model()).isEqualTo(CLAUDE);
            assertThat(u.subject().apiKey()).contains("key-7");
            assertThat(u.outputTokens()).isEqualTo(6);
            assertThat(u.cost()).isPositive();
        });
        assertThat(fixture.bedrock.requests()).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo(BedrockDouble.Operation.CONVERSE);
            assertThat(r.modelId()).isEqualTo(CLAUDE);
        });
    }

    @Test
    void aKeyWithoutBudgetIsRefusedBeforeConverseAndThrottlingKeepsItsName() {
        fixture.ledger.withLimits(new BudgetLimit(BudgetScope.apiKey("key-poor"), BudgetPeriod.DAY, BigDecimal.ZERO));
        ChatRequest hello = new ChatRequest(CLAUDE, List.of(new ChatMessage(Role.USER, "hello")), 50, Optional.empty(), Optional.empty(),
                List.of());

        assertThatThrownBy(() -> chat.converse(hello, Subject.forApiKey("chat:claude", "key-poor"))).isInstanceOf(BudgetExhaustedException.class);
        assertThat(fixture.bedrock.requests()).isEmpty();

        fixture.bedrock.failNext(BedrockDouble.Operation.CONVERSE, BedrockFault.THROTTLING, 1);
        assertThatThrownBy(() -> chat.converse(hello, Subject.forApiKey("chat:claude", "key-rich")))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> assertThat(e.providerCode()).contains("ThrottlingException"));
    }

    @Test
    void aStreamedAnswerArrivesPieceByPieceThroughConverseStreamAndIsMeteredOnce() {
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatModel.ChatAnswer answer = chat.converseStreaming(new ChatRequest(CLAUDE, List.of(new ChatMessage(Role.USER, "count my words please")),
                50, Optional.empty(), Optional.empty(), List.of()), Subject.forApiKey("chat:claude", "key-7"), pieces::add);

        assertThat(pieces).containsExactly("You ", "said: ", "count ", "my ", "words ", "please");
        assertThat(answer.text()).isEqualTo("You said: count my words please");
        assertThat(answer.finish()).isEqualTo(ChatModel.FinishReason.STOP);
        assertThat(answer.outputTokens()).isEqualTo(6);
        assertThat(fixture.bedrock.requests()).singleElement()
                .satisfies(r -> assertThat(r.operation()).isEqualTo(BedrockDouble.Operation.CONVERSE_STREAM));
        assertThat(fixture.usageOf(ModelOperation.CHAT)).singleElement().satisfies(u -> assertThat(u.outputTokens()).isEqualTo(6));
    }

    @Test
    void aStreamCutByItsAllowanceEndsWithLengthAndARefusedStreamKeepsItsErrorName() {
        ChatModel.ChatAnswer cut = chat.converseStreaming(new ChatRequest(CLAUDE, List.of(new ChatMessage(Role.USER, "one two three four")), 3,
                Optional.empty(), Optional.empty(), List.of()), Subject.forApiKey("chat:claude", "key-7"), piece -> { });
        assertThat(cut.text()).isEqualTo("You said: one");
        assertThat(cut.finish()).isEqualTo(ChatModel.FinishReason.LENGTH);

        fixture.bedrock.failNext(BedrockDouble.Operation.CONVERSE_STREAM, BedrockFault.VALIDATION, 1);
        assertThatThrownBy(() -> chat.converseStreaming(new ChatRequest(CLAUDE, List.of(new ChatMessage(Role.USER, "hello")), 50,
                Optional.empty(), Optional.empty(), List.of()), Subject.forApiKey("chat:claude", "key-7"), piece -> { }))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> assertThat(e.providerCode()).contains("ValidationException"));
    }
}
