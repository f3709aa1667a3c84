package org.milkmobs.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.milkmobs.application.service.search.SearchFixture.along;
import static org.milkmobs.application.service.search.SearchFixture.options;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.search.AudioSearch;
import org.milkmobs.application.port.in.search.QueryNotFoundException;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.VideoId;

/** Image and audio search on the in-memory twins: the file's vector, paging on by its id without embedding it again. */
class MediaSearchServiceTest {

    private static final byte[] PHOTO = "photo".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TUNE = "tune".getBytes(StandardCharsets.ISO_8859_1);

    private final SearchFixture world = new SearchFixture();
    private final MediaSearchService service = new MediaSearchService(world.vectors, world.queries, world.cards, SearchFixture.WINDOW,
            SearchFixture.DIRECT);
    private VideoId same;
    private VideoId near;

    @BeforeEach
    void videos() {
        world.embedder.imageVectors.put("photo", along(0));
        world.embedder.audioVectors.put("tune", along(4));
        same = world.analysed("the photo's scene, the tune", along(0), along(4)).id();
        near = world.analysed("close to it", along(0, 1), along(4, 5)).id();
        world.analysed("elsewhere", along(2), along(6));
    }

    @Test
    void anImageFindsTheClipsThatLookLikeItAndPagesOnByItsIdWithoutEmbeddingAgain() {
        SearchResults first = service.byImage(PHOTO, options(0.6, 1, Optional.empty()));

        assertThat(first.mode()).isEqualTo(SearchMode.VECTOR);
        assertThat(ids(first)).containsExactly(same);
        String queryId = first.queryId().orElseThrow();
        assertThat(queryId).isEqualTo(QueryVectors.sha256(PHOTO));
        SearchResults second = service.imageById(queryId, options(0.6, 1, first.nextCursor()));
        assertThat(ids(second)).containsExactly(near);
        assertThat(world.embedder.calls).containsExactly("image");
    }

    @Test
    void anAudioClipFindsTheClipsThatSoundLikeIt() {
        AudioSearch answer = service.byAudio(TUNE, options(0.6, 10, Optional.empty()));

        assertThat(answer).isInstanceOf(AudioSearch.Found.class);
        assertThat(ids(((AudioSearch.Found) answer).results())).containsExactly(same, near);
        assertThat(service.resumeAudio(QueryVectors.sha256(TUNE), options(0.6, 10, Optional.empty()))).isInstanceOf(AudioSearch.Found.class);
    }

    @Test
    void unknownOrMalformedIdsAndOversizedFilesAreRefused() {
        assertThatThrownBy(() -> service.imageById("0".repeat(64), options(0.6, 10, Optional.empty())))
                .isInstanceOf(QueryNotFoundException.class);
        assertThatThrownBy(() -> service.imageById("not-an-id", options(0.6, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> service.byImage(new byte[SearchByMediaUseCase.MAX_IMAGE_BYTES + 1], options(0.6, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("5 MB");
        assertThatThrownBy(() -> service.byAudio(new byte[0], options(0.6, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class);
        assertThat(world.embedder.calls).isEmpty();
    }

    private static List<VideoId> ids(SearchResults results) {
        return results.items().stream().map(r -> r.video().video().id()).toList();
    }
}
