package org.milkmobs.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Hashtags;

class ValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UnprovenParticipation REVIEW = UnprovenParticipation.REVIEW;
    private static final ValidationPolicy POLICY = new ValidationPolicy(Map.of(
            Signal.PARTICIPATION, 0.4, Signal.VISUAL_SIMILARITY, 0.2, Signal.OCR_KEYWORDS, 0.2,
            Signal.HASHTAGS, 0.1, Signal.AUDIO_PRESENCE, 0.1), 0.6);

    @Test
    void theScoreIsTheWeightedMeanOfEverySignal() {
        SignalScores scores = new SignalScores().with(Signal.PARTICIPATION, 0.9).with(Signal.VISUAL_SIMILARITY, 0.5)
                .with(Signal.OCR_KEYWORDS, 1).with(Signal.HASHTAGS, 0).with(Signal.AUDIO_PRESENCE, 1);

        ValidationDecision decision = Validator.decide(POLICY, scores, REVIEW, NOW);

        assertThat(decision.score()).isCloseTo(0.4 * 0.9 + 0.2 * 0.5 + 0.2 + 0 + 0.1, within(1e-9));
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.threshold()).isEqualTo(0.6);
        assertThat(decision.breakdown()).hasSize(5).allMatch(SignalResult::present);
        assertThat(decision.breakdown().stream().mapToDouble(SignalResult::contribution).sum()).isCloseTo(decision.score(), within(1e-9));
    }

    @Test
    void aMissingSignalReweightsTheOthersInsteadOfCountingAsZero() {
        SignalScores withoutParticipation = new SignalScores().with(Signal.VISUAL_SIMILARITY, 0.8).with(Signal.OCR_KEYWORDS, 1)
                .with(Signal.HASHTAGS, 1).with(Signal.AUDIO_PRESENCE, 1);

        ValidationDecision decision = Validator.decide(POLICY, withoutParticipation, REVIEW, NOW);

        // (0.2*0.8 + 0.2 + 0.1 + 0.1) / 0.6 = 0.9333: absent participation did not drag it to 0.56
        assertThat(decision.score()).isCloseTo((0.2 * 0.8 + 0.2 + 0.1 + 0.1) / 0.6, within(1e-9));
        assertThat(decision.accepted()).isTrue();
        SignalResult participation = decision.breakdown().stream().filter(r -> r.signal() == Signal.PARTICIPATION).findFirst().orElseThrow();
        assertThat(participation.present()).isFalse();
        assertThat(participation.effectiveWeight()).isZero();
        assertThat(participation.weight()).isEqualTo(0.4);
        assertThat(decision.breakdown().stream().mapToDouble(SignalResult::effectiveWeight).sum()).isCloseTo(1, within(1e-9));
    }

    @Test
    void theThresholdDecides() {
        SignalScores scores = new SignalScores().with(Signal.PARTICIPATION, 0.6);

        assertThat(Validator.decide(new ValidationPolicy(POLICY.weights(), 0.6), scores, REVIEW, NOW).accepted()).isTrue();
        assertThat(Validator.decide(new ValidationPolicy(POLICY.weights(), 0.61), scores, REVIEW, NOW).accepted()).isFalse();
    }

    /** Issue 21 #2: hashtags, text on screen and sound alone never accept a video on their own. */
    @Test
    void withoutParticipationOrLikenessToAReferenceThePolicyDecides() {
        SignalScores hashtagAndSound = new SignalScores().with(Signal.HASHTAGS, 1).with(Signal.AUDIO_PRESENCE, 1);

        assertThat(Validator.decide(POLICY, hashtagAndSound, UnprovenParticipation.REVIEW, NOW).outcome())
                .isEqualTo(ValidationDecision.Outcome.REVIEW);
        assertThat(Validator.decide(POLICY, hashtagAndSound, UnprovenParticipation.ACCEPT, NOW).outcome())
                .isEqualTo(ValidationDecision.Outcome.ACCEPTED);
        assertThat(Validator.decide(POLICY, hashtagAndSound, UnprovenParticipation.REJECT, NOW).outcome())
                .isEqualTo(ValidationDecision.Outcome.REJECTED);
        assertThat(Validator.decide(POLICY, new SignalScores().with(Signal.HASHTAGS, 0).with(Signal.AUDIO_PRESENCE, 0),
                UnprovenParticipation.REVIEW, NOW).outcome()).as("what fails anyway is rejected, not queued")
                .isEqualTo(ValidationDecision.Outcome.REJECTED);
        assertThat(Validator.decide(POLICY, hashtagAndSound.with(Signal.VISUAL_SIMILARITY, 0.9), UnprovenParticipation.REVIEW, NOW)
                .outcome()).as("a likeness to a reference proves it").isEqualTo(ValidationDecision.Outcome.ACCEPTED);
        assertThat(UnprovenParticipation.parse("validation.unproven", " Accept ")).isEqualTo(UnprovenParticipation.ACCEPT);
        assertThatThrownBy(() -> UnprovenParticipation.parse("validation.unproven", "maybe")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("review, accept or reject");
    }

    @Test
    void anOverrideKeepsTheEvidenceAndSaysWhoAndWhy() {
        ValidationDecision automatic = Validator.decide(POLICY, new SignalScores().with(Signal.PARTICIPATION, 0.1), REVIEW, NOW);

        ValidationDecision overridden = automatic.overriddenBy(new UserId("root"), true, "clearly a milk mob, the model missed it",
                NOW.plusSeconds(60));

        assertThat(automatic.accepted()).isFalse();
        assertThat(overridden.accepted()).isTrue();
        assertThat(overridden.kind()).isEqualTo(ValidationDecision.Kind.OVERRIDE);
        assertThat(overridden.score()).isEqualTo(automatic.score());
        assertThat(overridden.breakdown()).isEqualTo(automatic.breakdown());
        assertThatThrownBy(() -> automatic.overriddenBy(new UserId("root"), true, " ", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policiesAndScoresValidateThemselves() {
        assertThatThrownBy(() -> new ValidationPolicy(Map.of(Signal.HASHTAGS, -1.0), 0.5)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ValidationPolicy(Map.of(), 0.5)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ValidationPolicy(POLICY.weights(), 1.5)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new SignalScores().with(Signal.HASHTAGS, 1.2)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Validator.decide(new ValidationPolicy(Map.of(Signal.PARTICIPATION, 1.0), 0.5),
                new SignalScores().with(Signal.HASHTAGS, 1), REVIEW, NOW)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void textSignalsAreMeasuredAgainstTheCampaign() {
        List<String> keywords = List.of("milk", "mob", "challenge");
        assertThat(SignalMeasures.ocrKeywords("MILK MOB 2026", keywords)).isEqualTo(1.0);
        assertThat(SignalMeasures.ocrKeywords("just milk", keywords)).isEqualTo(0.5);
        assertThat(SignalMeasures.ocrKeywords("milky way", keywords)).as("whole words only").isEqualTo(0.0);
        assertThat(SignalMeasures.ocrKeywords("anything", List.of())).isNull();
        assertThat(SignalMeasures.ocrKeywords("the milk mob rules", List.of("milk mob"))).isEqualTo(1.0);

        assertThat(SignalMeasures.hashtags(Hashtags.of("#MilkMob"), Hashtags.of("milkmob", "milkmob2026"))).isEqualTo(0.5);
        assertThat(SignalMeasures.hashtags(Hashtags.of("milkmob", "milkmob2026", "x"), Hashtags.of("milkmob", "milkmob2026"))).isEqualTo(1.0);
        assertThat(SignalMeasures.hashtags(Hashtags.of("cats"), Hashtags.NONE)).isNull();

        assertThat(SignalMeasures.visualSimilarity(0.2, 0.3, 0.9)).isZero();
        assertThat(SignalMeasures.visualSimilarity(0.6, 0.3, 0.9)).isCloseTo(0.5, within(1e-9));
        assertThat(SignalMeasures.visualSimilarity(0.95, 0.3, 0.9)).isEqualTo(1);
    }
}
