package org.milkmobs.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.milkmobs.application.service.search.SearchFixture.along;
import static org.milkmobs.application.service.search.SearchFixture.options;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.VideoId;

/** Text search on the in-memory twins: hybrid when the model embeds text, full text with a note when it does not or is not asked. */
class TextSearchServiceTest {

    private final SearchFixture world = new SearchFixture();
    private final TextSearchService service = new TextSearchService(world.vectors, world.texts, world.queries, world.cards,
            SearchFixture.WINDOW, SearchFixture.DIRECT);
    private VideoId pouring;
    private VideoId splash;

    @BeforeEach
    void videos() {
        world.embedder.textVectors.put("milk pouring", along(0));
        pouring = world.video("Milk pouring slowly", along(0)).id();
        splash = world.video("A splash", along(0, 1)).id();
        world.video("Kitchen", along(5));
    }

    @Test
    void aModelWithATextSpaceFusesMeaningAndWordsAndKeepsEachLegsScore() {
        world.embedder.embedsText = true;

        SearchResults results = service.byText("milk pouring", Optional.empty(), Fusion.RRF, options(0.6, 10, Optional.empty()));

        assertThat(results.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(ids(results)).containsExactly(pouring, splash);
        assertThat(results.items().get(0).hit().legs()).containsOnlyKeys(Leg.VECTOR, Leg.FULL_TEXT);
        assertThat(results.items().get(1).hit().legs()).as("found by meaning alone").containsOnlyKeys(Leg.VECTOR);
    }

    @Test
    void withoutATextSpaceTheAnswerIsFullTextAndSaysSo() {
        SearchResults results = service.byText("milk pouring", options(0.6, 10, Optional.empty()));

        assertThat(results.mode()).isEqualTo(SearchMode.FULL_TEXT);
        assertThat(results.note()).contains(TextSearchService.FULL_TEXT_NOTE);
        assertThat(ids(results)).containsExactly(pouring);
        assertThatThrownBy(() -> service.byText("milk pouring", Optional.of(SearchMode.VECTOR), options(0.6, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("FULL_TEXT");
    }

    @Test
    void fullTextAsAskedNeverCallsTheModel() {
        world.embedder.embedsText = true;

        SearchResults results = service.byText("milk pouring", Optional.of(SearchMode.FULL_TEXT), options(0.6, 10, Optional.empty()));

        assertThat(results.note()).contains(TextSearchService.ASKED_FULL_TEXT_NOTE);
        assertThat(world.embedder.calls).isEmpty();
        assertThatThrownBy(() -> service.byText(" ", options(0.6, 10, Optional.empty()))).isInstanceOf(InvalidValueException.class);
    }

    private static List<VideoId> ids(SearchResults results) {
        return results.items().stream().map(r -> r.video().video().id()).toList();
    }
}
