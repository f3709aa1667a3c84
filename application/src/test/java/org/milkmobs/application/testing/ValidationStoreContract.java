package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.SignalScores;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.validation.Validator;
import org.milkmobs.domain.video.VideoId;

/** A video's decisions come back whole and in order, the last in force; run on the twin and on PostgreSQL. */
public abstract class ValidationStoreContract extends ContractSuite {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.123456Z");

    protected abstract ValidationStore store();

    /** A video the store may hold decisions of (a stored one, where the store checks). */
    protected abstract VideoId aVideo();

    @Test
    void decisionsKeepTheirBreakdownAndHistoryInOrder() {
        VideoId video = aVideo();
        ValidationDecision automatic = Validator.decide(ValidationPolicy.DEFAULT,
                new SignalScores().with(Signal.HASHTAGS, 1).with(Signal.AUDIO_PRESENCE, 0), UnprovenParticipation.REVIEW, NOW);
        ValidationDecision override = automatic.overriddenBy(new UserId("root"), true, "a clear milk mob", NOW.plusSeconds(60));

        inTransaction(() -> {
            store().recordDecision(video, automatic);
            return null;
        });
        inTransaction(() -> {
            store().recordDecision(video, override);
            return null;
        });

        List<ValidationDecision> history = inTransaction(() -> store().decisions(video));
        assertThat(history).containsExactly(automatic, override);
        assertThat(history).extracting(ValidationDecision::outcome).containsExactly(ValidationDecision.Outcome.REVIEW,
                ValidationDecision.Outcome.ACCEPTED);
        assertThat(inTransaction(() -> store().latestDecision(video))).contains(override);
        assertThat(history.get(0).breakdown()).filteredOn(r -> r.signal() == Signal.PARTICIPATION)
                .singleElement().satisfies(r -> assertThat(r.score()).isNull());
    }

    @Test
    void aPagesDecisionsInForceComeInOneReadAndAnUndecidedVideoHasNone() {
        VideoId decided = aVideo();
        VideoId undecided = aVideo();
        ValidationDecision decision = Validator.decide(ValidationPolicy.DEFAULT,
                new SignalScores().with(Signal.HASHTAGS, 1).with(Signal.AUDIO_PRESENCE, 1), UnprovenParticipation.REVIEW, NOW);
        inTransaction(() -> {
            store().recordDecision(decided, decision);
            return null;
        });

        assertThat(inTransaction(() -> store().latestDecisions(List.of(decided, undecided))))
                .containsOnlyKeys(decided).containsEntry(decided, decision);
        assertThat(inTransaction(() -> store().decisions(undecided))).isEmpty();
        assertThat(inTransaction(() -> store().latestDecision(undecided))).isEmpty();
    }
}
