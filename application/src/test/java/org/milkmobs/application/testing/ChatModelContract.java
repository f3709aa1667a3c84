package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.chat.ChatModel.ChatMessage;
import org.milkmobs.application.port.out.chat.ChatModel.ChatRequest;
import org.milkmobs.application.port.out.chat.ChatModel.FinishReason;
import org.milkmobs.application.port.out.chat.ChatModel.Role;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/** What every {@link ChatModel} does; run on the in-memory twin and on Bedrock's Converse through the double. */
public abstract class ChatModelContract {

    protected abstract ChatModel chat();

    /** A model id the implementation serves. */
    protected abstract String modelId();

    private ChatRequest request(int maxTokens, ChatMessage... messages) {
        return new ChatRequest(modelId(), List.of(messages), maxTokens, Optional.of(0.2), Optional.empty(), List.of());
    }

    @Test
    void aConversationIsAnsweredWithItsTokenUsage() {
        ChatModel.ChatAnswer answer = chat().converse(request(100, new ChatMessage(Role.SYSTEM, "You are terse."),
                new ChatMessage(Role.USER, "milk mobs in the park")), Subject.forApiKey("chat:test", "key-1"));

        assertThat(answer.text()).contains("milk mobs in the park");
        assertThat(answer.finish()).isEqualTo(FinishReason.STOP);
        assertThat(answer.inputTokens()).isPositive();
        assertThat(answer.outputTokens()).isPositive();
    }

    @Test
    void anAnswerLongerThanItsAllowanceIsCutAndSaysSo() {
        ChatModel.ChatAnswer answer = chat().converse(request(2, new ChatMessage(Role.USER, "tell me everything about milk mobs")),
                Subject.forApiKey("chat:test", "key-1"));

        assertThat(answer.finish()).isEqualTo(FinishReason.LENGTH);
        assertThat(answer.outputTokens()).isEqualTo(2);
    }

    @Test
    void aConversationThatDoesNotStartWithTheUserIsRefusedAsInvalid() {
        assertThatThrownBy(() -> chat().converse(request(10, new ChatMessage(Role.ASSISTANT, "hello"),
                new ChatMessage(Role.USER, "hi")), Subject.forApiKey("chat:test", "key-1")))
                .isInstanceOfSatisfying(AnalysisFailedException.class, e -> {
                    assertThat(e.permanent()).isTrue();
                    assertThat(e.providerCode()).contains("ValidationException");
                });
    }

    @Test
    void aStreamedAnswerIsHandedOverInPiecesThatMakeUpItsText() {
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatModel.ChatAnswer answer = chat().converseStreaming(request(100, new ChatMessage(Role.USER, "milk mobs in the park")),
                Subject.forApiKey("chat:test", "key-1"), pieces::add);

        assertThat(pieces).isNotEmpty();
        assertThat(String.join("", pieces)).isEqualTo(answer.text()).isEqualTo("You said: milk mobs in the park");
        assertThat(answer.finish()).isEqualTo(FinishReason.STOP);
        assertThat(answer.outputTokens()).isEqualTo(7);
    }
}
