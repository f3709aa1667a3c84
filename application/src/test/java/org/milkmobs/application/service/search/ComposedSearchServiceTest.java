package org.milkmobs.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.milkmobs.application.service.search.SearchFixture.along;
import static org.milkmobs.application.service.search.SearchFixture.options;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.application.port.in.search.SearchResults.SearchResult;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.Leg;
import org.milkmobs.domain.search.RanLeg;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.VideoId;

/**
 * A text and an image in one search, on the in-memory twins. Axis 0 of the test space is "a skate park", axis 1 "at
 * night": the picture shows a skate park, the text asks for night, and only one video has both.
 */
class ComposedSearchServiceTest {

    private static final byte[] PARK_PHOTO = "park-photo".getBytes(StandardCharsets.ISO_8859_1);
    private static final String NIGHT = "at night";

    private final SearchFixture world = new SearchFixture();
    private final ComposedSearchService service = new ComposedSearchService(world.vectors, world.texts, world.queries, world.cards,
            SearchFixture.WINDOW, SearchFixture.DIRECT);
    private VideoId both;
    private VideoId parkOnly;
    private VideoId nightOnly;

    @BeforeEach
    void videos() {
        world.embedder.imageVectors.put("park-photo", along(0));
        world.embedder.textVectors.put(NIGHT, along(1));
        both = world.video("Skate park at night", along(0, 1)).id();
        parkOnly = world.video("Skate park by day", along(0)).id();
        nightOnly = world.video("City lights at night", along(1)).id();
        world.video("Kitchen", along(5));
    }

    @Test
    void aModelWithAComposedInputEmbedsBothOnceAndRanksTheVideoWithBothFirst() {
        world.embedder.composes = true;

        SearchResults results = service.byTextAndImage(NIGHT, PARK_PHOTO, Fusion.RRF, options(0.6, 10, Optional.empty()));

        assertThat(results.mode()).isEqualTo(SearchMode.VECTOR);
        assertThat(results.legs()).containsExactly(new RanLeg(Leg.VECTOR, RanLeg.Input.TEXT_IMAGE));
        assertThat(world.embedder.calls).containsExactly("text_image:" + NIGHT);
        assertThat(ids(results)).as("the picture and the text both count: neither part alone ranks first")
                .startsWith(both).containsExactlyInAnyOrder(both, parkOnly, nightOnly);
        assertThat(results.items()).allSatisfy(r -> assertThat(r.hit().legs()).containsOnlyKeys(Leg.VECTOR)
                .containsEntry(Leg.VECTOR, r.hit().score()));

        service.byTextAndImage("At  NIGHT", PARK_PHOTO, Fusion.RRF, options(0.6, 10, Optional.empty()));
        assertThat(world.embedder.calls).as("the same text (normalised) and image again: the cached vector, nothing paid")
                .containsExactly("text_image:" + NIGHT);
    }

    @Test
    void withoutAComposedInputTheImagesLookAlikesAreFusedWithTheTextsFullTextMatches() {
        SearchResults results = service.byTextAndImage(NIGHT, PARK_PHOTO, Fusion.RRF, options(0.6, 10, Optional.empty()));

        assertThat(results.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(results.note()).contains(ComposedSearchService.PARTS_NOTE);
        assertThat(results.legs()).containsExactly(new RanLeg(Leg.VECTOR, RanLeg.Input.IMAGE), new RanLeg(Leg.FULL_TEXT, RanLeg.Input.TEXT));
        assertThat(world.embedder.calls).containsExactly("text_image:" + NIGHT, "image");
        assertThat(ids(results)).startsWith(both).containsExactlyInAnyOrder(both, parkOnly, nightOnly);
        Map<VideoId, SearchResult> byVideo = byVideo(results);
        assertThat(byVideo.get(both).hit().legs()).containsOnlyKeys(Leg.VECTOR, Leg.FULL_TEXT);
        assertThat(byVideo.get(parkOnly).hit().legs()).as("found by the picture alone").containsOnlyKeys(Leg.VECTOR);
        assertThat(byVideo.get(nightOnly).hit().legs()).as("found by the words alone").containsOnlyKeys(Leg.FULL_TEXT);
    }

    @Test
    void relativeFusionWeighsThePictureByAlpha() {
        List<VideoId> pictureFirst = ids(service.byTextAndImage(NIGHT, PARK_PHOTO, Fusion.relative(1), options(0.6, 10, Optional.empty())));
        List<VideoId> wordsFirst = ids(service.byTextAndImage(NIGHT, PARK_PHOTO, Fusion.relative(0), options(0.6, 10, Optional.empty())));

        assertThat(pictureFirst).as("alpha 1: the picture alone orders").startsWith(parkOnly);
        assertThat(wordsFirst.subList(0, 2)).as("alpha 0: the words alone order").containsExactlyInAnyOrder(both, nightOnly);
    }

    @Test
    void pagesFollowTheirCursorAndACursorOfAnotherQueryIsRefused() {
        world.embedder.composes = true;
        SearchResults first = service.byTextAndImage(NIGHT, PARK_PHOTO, Fusion.RRF, options(0.6, 2, Optional.empty()));
        SearchResults second = service.byTextAndImage(NIGHT, PARK_PHOTO, Fusion.RRF, options(0.6, 2, first.nextCursor()));

        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        world.embedder.textVectors.put("by day", along(2));
        assertThatThrownBy(() -> service.byTextAndImage("by day", PARK_PHOTO, Fusion.RRF, options(0.6, 2, first.nextCursor())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("different search");
    }

    @Test
    void badInputIsRefusedBeforeAnyModelIsCalled() {
        assertThatThrownBy(() -> service.byTextAndImage(" ", PARK_PHOTO, Fusion.RRF, options(0.5, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("query");
        assertThatThrownBy(() -> service.byTextAndImage(NIGHT, new byte[0], Fusion.RRF, options(0.5, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("image");
        assertThatThrownBy(() -> service.byTextAndImage(NIGHT, new byte[SearchByMediaUseCase.MAX_IMAGE_BYTES + 1], Fusion.RRF,
                options(0.5, 10, Optional.empty()))).isInstanceOf(InvalidValueException.class).hasMessageContaining("5 MB");
        assertThat(world.embedder.calls).isEmpty();
        assertThatThrownBy(() -> service.byTextAndImage(NIGHT, "not a picture".getBytes(StandardCharsets.ISO_8859_1), Fusion.RRF,
                options(0.5, 10, Optional.empty()))).isInstanceOf(MediaRejectedException.class);
    }

    private static List<VideoId> ids(SearchResults results) {
        return results.items().stream().map(r -> r.video().video().id()).toList();
    }

    private static Map<VideoId, SearchResult> byVideo(SearchResults results) {
        return results.items().stream().collect(java.util.stream.Collectors.toMap(r -> r.video().video().id(), r -> r));
    }
}
