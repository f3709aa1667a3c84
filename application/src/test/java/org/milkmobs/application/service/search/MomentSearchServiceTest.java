package org.milkmobs.application.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.milkmobs.application.service.search.SearchFixture.along;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.search.NotAnalysedException;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.search.SearchMode;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** "More like this moment" on the in-memory twins: the clips the moment overlaps are the query, and nothing is paid. */
class MomentSearchServiceTest {

    private final SearchFixture world = new SearchFixture();
    private final MomentSearchService service = new MomentSearchService(world.videos, world.embeddings, world.vectors,
            SearchFixture.MODEL, world.cards, SearchFixture.WINDOW, SearchFixture.DIRECT);

    @Test
    void eachMomentFindsWhatLooksLikeItAndNeverTheVideoItself() {
        Video source = twoScenes();
        VideoId likeTheOpening = world.video("like the opening", along(0)).id();
        VideoId likeTheEnding = world.video("like the ending", along(1)).id();

        SearchResults opening = service.likeMoment(source.id(), new Segment(0, 5), SearchFixture.options(0.8, 10, Optional.empty()));
        SearchResults ending = service.likeMoment(source.id(), new Segment(7, 10), SearchFixture.options(0.8, 10, Optional.empty()));

        assertThat(opening.mode()).isEqualTo(SearchMode.VECTOR);
        assertThat(ids(opening)).containsExactly(likeTheOpening);
        assertThat(ids(ending)).containsExactly(likeTheEnding);
        assertThat(world.embedder.calls).as("a stored moment costs no model call").isEmpty();
    }

    @Test
    void aMomentAcrossBothScenesFindsBoth() {
        Video source = twoScenes();
        VideoId opening = world.video("like the opening", along(0)).id();
        VideoId ending = world.video("like the ending", along(1)).id();

        SearchResults across = service.likeMoment(source.id(), new Segment(4, 8), SearchFixture.options(0.6, 10, Optional.empty()));

        assertThat(ids(across)).containsExactlyInAnyOrder(opening, ending);
    }

    @Test
    void aMomentOutsideTheVideoAnUnanalysedVideoAndAnUnknownOneAreRefused() {
        Video source = twoScenes();
        Video bare = world.videos.saveVideo(Video.submit(VideoId.generate(), source.owner(), source.title(), source.description(),
                source.hashtags(), source.createdAt()));

        assertThatThrownBy(() -> service.likeMoment(source.id(), new Segment(30, 40), SearchFixture.options(0.5, 10, Optional.empty())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("outside the video's clips");
        assertThatThrownBy(() -> service.likeMoment(bare.id(), new Segment(0, 5), SearchFixture.options(0.8, 10, Optional.empty())))
                .isInstanceOf(NotAnalysedException.class);
        assertThatThrownBy(() -> service.likeMoment(VideoId.generate(), new Segment(0, 5), SearchFixture.options(0.8, 10, Optional.empty())))
                .isInstanceOf(VideoNotFoundException.class);
    }

    /** A video whose first clip (0–6 s) shows one thing and whose second (6–12 s) another. */
    private Video twoScenes() {
        Video source = world.video("two scenes", along(0));
        world.embeddings.replaceEmbeddings(source.id(), SearchFixture.MODEL, List.of(
                new Embedding(SearchFixture.MODEL, Modality.VISUAL, Scope.CLIP, new Segment(0, 6), along(0)),
                new Embedding(SearchFixture.MODEL, Modality.VISUAL, Scope.CLIP, new Segment(6, 12), along(1))));
        return source;
    }

    private static List<VideoId> ids(SearchResults results) {
        return results.items().stream().map(r -> r.video().video().id()).toList();
    }
}
