package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.events.EventAudience;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;

class EventStreamServiceTest {

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryEvents events = new InMemoryEvents();
    private final EventStreamService streams = new EventStreamService(videos, events, events, WebhookFixture.NO_TRANSACTIONS);
    private final Caller alice = Caller.consumer(new UserId("alice"));
    private final Caller admin = Caller.admin(new UserId("admin"));

    private Video stored(String owner) {
        Video video = videos.saveVideo(TestVideos.submitted(owner));
        events.append("video.submitted", video.id().toString(), Map.of("videoId", video.id().toString(), "ownerId", owner),
                TestVideos.NOW);
        return video;
    }

    @Test
    void aConsumersStreamShowsTheirOwnVideosOnlyAndAnAdminsEverything() {
        Video own = stored("alice");
        stored("bob");
        events.append("budget.threshold", "global/day", Map.of("scope", "global"), TestVideos.NOW);
        events.publishPending(10, TestVideos.NOW);

        EventAudience consumer = streams.audience(alice, Optional.empty());
        EventAudience everyone = streams.audience(admin, Optional.empty());

        assertThat(streams.after(0, consumer, 10)).extracting(PublishedEvent::videoId).containsExactly(own.id().toString());
        assertThat(streams.after(0, everyone, 10)).hasSize(3);
        assertThat(streams.head()).isEqualTo(3);
    }

    @Test
    void aVideoStreamIsForItsOwnerAndAdminsAndResumesAfterASequence() {
        Video own = stored("alice");
        Video bobs = stored("bob");
        events.append("video.uploaded", own.id().toString(), Map.of("videoId", own.id().toString(), "ownerId", "alice"), TestVideos.NOW);
        events.publishPending(10, TestVideos.NOW);

        EventAudience video = streams.audience(alice, Optional.of(own.id()));

        assertThat(streams.after(1, video, 10)).extracting(PublishedEvent::type).containsExactly("video.uploaded");
        assertThat(streams.audience(admin, Optional.of(bobs.id())).sees(streams.after(0, EventAudience.all(), 10).get(1))).isTrue();
        assertThatThrownBy(() -> streams.audience(alice, Optional.of(bobs.id()))).isInstanceOf(VideoNotFoundException.class);
    }

    @Test
    void waitingEndsWhenEventsArePublished() throws InterruptedException {
        streams.awaitPublished(Duration.ofMillis(1));
        stored("alice");
        events.publishPending(10, TestVideos.NOW);

        assertThat(streams.awaitPublished(Duration.ofSeconds(5))).isTrue();
    }
}
