package org.milkmobs.domain.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextQueryTest {

    @Test
    void spellingsOfOneHashtagReadAsTheSameWords() {
        assertThat(TextQuery.parse("milk mob ").words()).containsExactly("milk", "mob");
        assertThat(TextQuery.parse("milk-mob ").words()).containsExactly("milk", "mob");
        assertThat(TextQuery.parse("#MilkMob ").words()).containsExactly("milkmob");
        assertThat(TextQuery.parse("milk mob ").joined()).contains("milkmob");
        assertThat(TextQuery.parse("milkmob ").joined()).isEmpty();
    }

    @Test
    void caseAndAccentsDoNotCount() {
        assertThat(TextQuery.parse("Café CRÈME brûlée ").words()).containsExactly("cafe", "creme", "brulee");
    }

    @Test
    void theLastWordIsAPrefixUntilASpaceOrPunctuationFollowsIt() {
        assertThat(TextQuery.parse("milkm").lastIsPrefix()).isTrue();
        assertThat(TextQuery.parse("dance milkm").lastIsPrefix()).isTrue();
        assertThat(TextQuery.parse("milkm ").lastIsPrefix()).isFalse();
        assertThat(TextQuery.parse("milkmob.").lastIsPrefix()).isFalse();
        assertThat(TextQuery.parse("mi").lastIsPrefix()).as("too short to be a useful prefix").isFalse();
    }

    @Test
    void aDashAfterASpaceExcludesAWordAndOperatorsAreSeparators() {
        TextQuery query = TextQuery.parse("milk -dance \"mob\" OR (x) ");
        assertThat(query.words()).containsExactly("milk", "mob", "or", "x");
        assertThat(query.excluded()).containsExactly("dance");
        assertThat(TextQuery.parse("-dance").isEmpty()).isTrue();
    }

    @Test
    void anyInputReadsWithoutErrorAndStaysBounded() {
        assertThat(TextQuery.parse("!!! ''' --- :* & | ").isEmpty()).isTrue();
        TextQuery flood = TextQuery.parse("word ".repeat(200) + "x".repeat(500));
        assertThat(flood.words()).hasSize(TextQuery.MAX_WORDS);
        assertThat(TextQuery.parse("y".repeat(500)).words().get(0)).hasSize(TextQuery.MAX_WORD_LENGTH);
    }
}
