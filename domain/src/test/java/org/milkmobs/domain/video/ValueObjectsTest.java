package org.milkmobs.domain.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milkmobs.domain.InvalidValueException;

class ValueObjectsTest {

    /** Defect 11: text of invisible characters only is blank, and bidirectional overrides are refused. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200b\u200b", "\ufeff", " \u200d\u2060 ", "\u00a0\u200c"})
    void aTitleOfInvisibleCharactersIsBlank(String invisible) {
        assertThatThrownBy(() -> new Title(invisible)).hasMessage("title must not be blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cow\u202egnp.exe", "\u2066milk\u2069", "a\u202ab"})
    void bidirectionalOverridesAreRefused(String spoofed) {
        assertThatThrownBy(() -> new Title(spoofed)).hasMessageContaining("bidirectional override");
        assertThatThrownBy(() -> new Description(spoofed)).hasMessageContaining("bidirectional override");
    }

    @Test
    void visibleTextKeepsItsJoinersAndLosesInvisibleEdges() {
        assertThat(new Title("\ufeff\u200bMilk \ud83d\udc69\u200d\ud83d\udc67 mob\u200b").value()).isEqualTo("Milk \ud83d\udc69\u200d\ud83d\udc67 mob");
    }

    @Test
    void titleIsTrimmed() {
        assertThat(new Title("  Milk mob  ").value()).isEqualTo("Milk mob");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "line\nbreak", "bell\u0007"})
    void titleRefusesBlankAndControlCharacters(String text) {
        assertThatThrownBy(() -> new Title(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void titleRefusesNullAndTooLong() {
        assertThatThrownBy(() -> new Title(null)).hasMessage("title is required");
        assertThatThrownBy(() -> new Title("x".repeat(201))).hasMessageContaining("at most 200");
        assertThat(new Title("x".repeat(200)).value()).hasSize(200);
    }

    @Test
    void titleCountsCodePointsNotCharsSoEmojiAreNotDoublyCounted() {
        String hundredEmoji = "🥛".repeat(200);
        assertThat(new Title(hundredEmoji).value()).isEqualTo(hundredEmoji);
    }

    @Test
    void descriptionMayBeEmptyOrMultiline() {
        assertThat(Description.ofNullable(null).isEmpty()).isTrue();
        assertThat(new Description("one\ntwo").value()).isEqualTo("one\ntwo");
        assertThatThrownBy(() -> new Description("x".repeat(5001))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void hashtagsAreNormalisedAndDeduplicatedInOrder() {
        Hashtags tags = new Hashtags(List.of("#MilkMob", "milkmob", " #Été_2026 ", "trend"));

        assertThat(tags.values()).containsExactly("milkmob", "été_2026", "trend");
        assertThat(tags.contains("#MILKMOB")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "two words", "drop;table", "#a-b", "../etc"})
    void hashtagsRefuseWhatIsNotAWord(String tag) {
        assertThatThrownBy(() -> Hashtags.of(tag))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("hashtags"));
    }

    @Test
    void hashtagsRefuseNullEntriesAndTooMany() {
        assertThatThrownBy(() -> new Hashtags(Arrays.asList("ok", null))).isInstanceOf(InvalidValueException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add("tag" + i);
        }
        assertThatThrownBy(() -> new Hashtags(many)).hasMessageContaining("at most 30");
        assertThat(new Hashtags(null).isEmpty()).isTrue();
    }

    @Test
    void videoIdParsesOnlyCanonicalUuids() {
        VideoId id = VideoId.generate();

        assertThat(VideoId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> VideoId.parse("1-1-1-1-1")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VideoId.parse("not-a-uuid-at-all-but-36-characters")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> VideoId.parse(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void generatedIdsAreVersion7AndSortByCreation() throws InterruptedException {
        VideoId first = VideoId.generate();
        Thread.sleep(2);
        VideoId second = VideoId.generate();

        assertThat(first.value().version()).isEqualTo(7);
        assertThat(first.value().variant()).isEqualTo(2);
        assertThat(first).isLessThan(second);
    }

    @Test
    void contentHashIsLowerCaseHex() {
        assertThat(new ContentHash("0".repeat(64)).sha256()).hasSize(64);
        assertThatThrownBy(() -> new ContentHash("A".repeat(64))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ContentHash("0".repeat(63))).isInstanceOf(InvalidValueException.class);
    }
}
