package org.milkmobs.adapters.persistence.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.SignalScores;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.domain.validation.Validator;
import org.milkmobs.domain.video.VideoId;

class ValidationStoreAdapterTest extends PersistenceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void decisionsKeepTheirBreakdownAndHistoryInOrder() {
        ValidationStoreAdapter store = new ValidationStoreAdapter(em);
        VideoId video = tx(() -> VideoStorageForTests.adapter(em).saveVideo(TestVideos.submitted("alice")).id());
        ValidationDecision automatic = Validator.decide(ValidationPolicy.DEFAULT,
                new SignalScores().with(Signal.HASHTAGS, 1).with(Signal.AUDIO_PRESENCE, 0), UnprovenParticipation.REVIEW, NOW);
        ValidationDecision override = automatic.overriddenBy(new UserId("root"), true, "a clear milk mob", NOW.plusSeconds(60));

        txRun(() -> store.recordDecision(video, automatic));
        txRun(() -> store.recordDecision(video, override));

        List<ValidationDecision> history = tx(() -> store.decisions(video));
        assertThat(history).containsExactly(automatic, override);
        assertThat(history).extracting(ValidationDecision::outcome).containsExactly(ValidationDecision.Outcome.REVIEW,
                ValidationDecision.Outcome.ACCEPTED);
        assertThat(tx(() -> store.latestDecision(video))).contains(override);
        VideoId undecided = VideoId.generate();
        assertThat(tx(() -> store.latestDecisions(List.of(video, undecided)))).as("a page's decisions in force, in one read")
                .containsOnlyKeys(video).containsEntry(video, override);
        assertThat(history.get(0).breakdown()).filteredOn(r -> r.signal() == Signal.PARTICIPATION)
                .singleElement().satisfies(r -> assertThat(r.score()).isNull());
    }
}
