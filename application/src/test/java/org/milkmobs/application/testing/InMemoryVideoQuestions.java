package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.ChatModel.ChatAnswer;
import org.milkmobs.application.port.out.chat.ChatModel.FinishReason;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/** Pegasus in memory: it "watches" the video and answers in a fixed number of tokens, cut at the allowance. */
public final class InMemoryVideoQuestions implements VideoQuestions {

    static final int ANSWER_TOKENS = 300;

    public final List<Subject> subjects = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String model() {
        return "us.twelvelabs.pegasus-1-2-v1:0";
    }

    @Override
    public ChatAnswer ask(VideoMedia video, String question, int maxTokens, Subject subject) {
        subjects.add(subject);
        boolean cut = maxTokens < ANSWER_TOKENS;
        return new ChatAnswer("In video " + video.videoId() + " (asked: " + question + ") people pour milk.", cut ? FinishReason.LENGTH
                : FinishReason.STOP, question.split("\\s+").length, cut ? maxTokens : ANSWER_TOKENS);
    }

    /** Streams as Pegasus does: word by word, the pieces making up the answer {@link #ask} gives. */
    @Override
    public ChatAnswer askStreaming(VideoMedia video, String question, int maxTokens, Subject subject, Consumer<String> onText) {
        ChatAnswer answer = ask(video, question, maxTokens, subject);
        for (String piece : answer.text().split("(?<= )")) {
            onText.accept(piece);
        }
        return answer;
    }
}
