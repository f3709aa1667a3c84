package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.ChatModel.ChatAnswer;
import org.milkmobs.application.port.out.chat.ChatModel.FinishReason;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/** What every {@link VideoQuestions} does; run on the in-memory twin and on Pegasus through the Bedrock double. */
public abstract class VideoQuestionsContract {

    protected abstract VideoQuestions questions();

    /** A video the implementation can read. */
    protected abstract VideoMedia storedVideo();

    private Subject subject(VideoMedia video) {
        return new Subject(Optional.of(video.videoId()), Optional.of("chat:pegasus"), Optional.of("key-1"));
    }

    @Test
    void aQuestionAboutAStoredVideoIsAnsweredWithItsTokens() {
        VideoMedia video = storedVideo();

        ChatAnswer answer = questions().ask(video, "What happens in this video?", 2048, subject(video));

        assertThat(answer.text()).isNotBlank();
        assertThat(answer.finish()).isEqualTo(FinishReason.STOP);
        assertThat(answer.outputTokens()).isPositive();
    }

    @Test
    void anAnswerLongerThanItsAllowanceIsCutAndSaysSo() {
        VideoMedia video = storedVideo();

        ChatAnswer answer = questions().ask(video, "Describe every second.", 10, subject(video));

        assertThat(answer.finish()).isEqualTo(FinishReason.LENGTH);
        assertThat(answer.outputTokens()).isEqualTo(10);
    }

    @Test
    void aStreamedAnswerIsHandedOverInSeveralPiecesThatMakeUpItsText() {
        VideoMedia video = storedVideo();
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatAnswer answer = questions().askStreaming(video, "What happens in this video?", 2048, subject(video), pieces::add);

        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(answer.text()).isNotBlank();
        assertThat(answer.finish()).isEqualTo(FinishReason.STOP);
        assertThat(answer.outputTokens()).isPositive();
    }

    @Test
    void aStreamedAnswerLongerThanItsAllowanceIsCutAndSaysSo() {
        VideoMedia video = storedVideo();

        ChatAnswer answer = questions().askStreaming(video, "Describe every second.", 10, subject(video), piece -> { });

        assertThat(answer.finish()).isEqualTo(FinishReason.LENGTH);
        assertThat(answer.outputTokens()).isEqualTo(10);
    }
}
