package org.milkmobs.application.port.out.chat;

import java.util.function.Consumer;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.ChatModel.ChatAnswer;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/**
 * A video-understanding model (Pegasus) answering a free question about a stored video: a paid call,
 * reserved (the video's seconds and the whole output allowance) and metered under {@code subject}.
 */
public interface VideoQuestions {

    /** The model's id, as clients name it. */
    String model();

    /**
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when a ceiling has no room; nothing was called
     * @throws org.milkmobs.application.port.out.analysis.AnalysisFailedException when the model refused or failed
     */
    ChatAnswer ask(VideoMedia video, String question, int maxTokens, Subject subject);

    /**
     * {@link #ask}, with each piece of the answer handed to {@code onText} as the model writes it (possibly on another
     * thread, always in order); the answer returned holds the whole text. The default, for a model that does not
     * stream, hands over the whole answer as one piece.
     */
    default ChatAnswer askStreaming(VideoMedia video, String question, int maxTokens, Subject subject, Consumer<String> onText) {
        ChatAnswer answer = ask(video, question, maxTokens, subject);
        onText.accept(answer.text());
        return answer;
    }
}
