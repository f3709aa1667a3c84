package org.milkmobs.adapters.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.search.TextQuery;

class IntentQueriesTest {

    @Test
    void everyWordOrTheWordsWrittenTogetherWithTheLastAsAPrefix() {
        assertThat(IntentQueries.tsquery(TextQuery.parse("milk dan"), Map.of()))
                .isEqualTo("((('milk') & ('dan':*)) | ('milkdan':*))");
        assertThat(IntentQueries.tsquery(TextQuery.parse("milk mob "), Map.of()))
                .isEqualTo("((('milk') & ('mob')) | ('milkmob'))");
    }

    @Test
    void aTyposNeighboursAreAlternativesAndExcludedWordsAreNegated() {
        assertThat(IntentQueries.tsquery(TextQuery.parse("milkmub -dance "), Map.of("milkmub", Set.of("milkmob"))))
                .isEqualTo("(('milkmub' | 'milkmob')) & !'dance'");
    }

    @Test
    void nothingToLookForIsAnEmptyQuery() {
        assertThat(IntentQueries.tsquery(TextQuery.parse("-dance"), Map.of())).isEmpty();
    }
}
