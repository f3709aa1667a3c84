package org.milkmobs.application.port.out.chat;

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
}
