package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.Video;

class VideoEventsTest {

    private final InMemoryVideoStore store = new InMemoryVideoStore();
    private final InMemoryEvents events = new InMemoryEvents();
    private final VideoEvents videos = new VideoEvents(store, store, store, events, TestClock.at("2026-11-01T10:00:00Z"));

    @Test
    void everyAnnouncedStatusChangeWritesOneEventWithTheOwner() {
        Video video = videos.saveVideo(TestVideos.submitted("alice"));
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        video = videos.saveVideo(video);
        video.startProcessing(TestVideos.later(2));
        video = videos.saveVideo(video);
        video = videos.saveVideo(video);
        video.fail(new Failure(FailureCode.INVALID_MEDIA, "not a video"), TestVideos.later(3));
        videos.saveVideo(video);

        List<PublishedEvent> pending = events.pending();
        assertThat(pending).extracting(PublishedEvent::type).containsExactly("video.submitted", "video.uploaded", "video.failed");
        assertThat(pending).allMatch(e -> e.ownerId().equals("alice") && e.resourceId().equals(e.videoId()));
        assertThat(pending.get(1).data()).containsEntry("previousStatus", "SUBMITTED").containsEntry("status", "UPLOADED");
        assertThat(pending.get(2).data()).containsEntry("reason", "INVALID_MEDIA");
    }

    @Test
    void anUploadCheckedAndStartedInOneSaveIsStillAnnouncedAsUploaded() {
        Video video = videos.saveVideo(TestVideos.submitted("carol"));
        video.markUploaded(TestVideos.mediaFacts(), TestVideos.later(1));
        video.startProcessing(TestVideos.later(1));
        videos.saveVideo(video);

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("video.submitted", "video.uploaded");
    }

    @Test
    void aDeletionIsAnnouncedOnceAndOnlyForAVideoThatExisted() {
        Video video = videos.saveVideo(TestVideos.submitted("bob"));

        assertThat(videos.deleteVideo(video.id())).isTrue();
        assertThat(videos.deleteVideo(video.id())).isFalse();

        assertThat(events.pending()).extracting(PublishedEvent::type).containsExactly("video.submitted", "video.deleted");
        assertThat(events.pending().get(1).data()).containsEntry("status", "DELETED").containsEntry("previousStatus", "SUBMITTED");
    }
}
