package org.milkmobs.application.port.out.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/**
 * A text model that answers a conversation (Bedrock's model-agnostic Converse API). Every call is a paid one:
 * it is reserved with the budget (the prompt's estimated tokens and {@code maxTokens} as if all were written)
 * before it is made, and metered under {@code subject}.
 */
public interface ChatModel {

    /**
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when a ceiling has no room; nothing was called
     * @throws org.milkmobs.application.port.out.analysis.AnalysisFailedException when the model refused or failed (with the provider's error name)
     */
    ChatAnswer converse(ChatRequest request, Subject subject);

    /**
     * The same conversation, with each piece of text handed to {@code onText} as the model writes it (possibly on
     * another thread, always in order); the answer returned holds the whole text. The default, for models that
     * do not stream, hands over the whole answer as one piece.
     */
    default ChatAnswer converseStreaming(ChatRequest request, Subject subject, Consumer<String> onText) {
        ChatAnswer answer = converse(request, subject);
        onText.accept(answer.text());
        return answer;
    }

    enum Role { SYSTEM, USER, ASSISTANT }

    record ChatMessage(Role role, String text) {
        public ChatMessage {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }
    }

    /** @param modelId the provider's model id (or inference profile) */
    record ChatRequest(String modelId, List<ChatMessage> messages, int maxTokens, Optional<Double> temperature, Optional<Double> topP,
                       List<String> stop) {
        public ChatRequest {
            Objects.requireNonNull(modelId, "modelId");
            messages = List.copyOf(messages);
            if (maxTokens < 1) {
                throw new IllegalArgumentException("maxTokens is at least 1");
            }
            Objects.requireNonNull(temperature, "temperature");
            Objects.requireNonNull(topP, "topP");
            stop = List.copyOf(stop);
        }
    }

    enum FinishReason { STOP, LENGTH, CONTENT_FILTER }

    record ChatAnswer(String text, FinishReason finish, long inputTokens, long outputTokens) {
        public ChatAnswer {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(finish, "finish");
        }
    }
}
