package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.Definition;
import org.milkmobs.domain.events.EventStats;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

class EventStatsServiceTest {

    private final WebhookFixture f = new WebhookFixture();
    private final EventStatsService stats = new EventStatsService(f.events, f.webhooks, f.clock);

    @Test
    void pendingEventsDeliveriesByOutcomeAndLatencyOfTheLastHour() {
        URI failing = URI.create("https://hooks.example.com/failing");
        f.admin.create(new Definition(URI.create("https://hooks.example.com/ok"), Set.of(), true, null), Caller.admin(new UserId("a")));
        f.admin.create(new Definition(failing, Set.of(), true, null), Caller.admin(new UserId("a")));
        f.sender.script(failing, n -> 503);
        f.videoEvent("video.submitted", UUID.randomUUID().toString(), "alice");
        f.relay.relay();
        f.videoEvent("video.uploaded", UUID.randomUUID().toString(), "alice");

        f.deliver.deliverDue("w");
        EventStats now = stats.current();

        assertThat(now.unpublishedEvents()).isEqualTo(1);
        assertThat(now.deliveriesByState()).containsEntry("SUCCEEDED", 1L).containsEntry("AVAILABLE", 1L);
        assertThat(now.attemptsSucceeded()).isEqualTo(1);
        assertThat(now.attemptsFailed()).isEqualTo(1);
        assertThat(now.latencyP95()).isEqualTo(Duration.ofMillis(3));
        assertThat(now.pending()).isEqualTo(2);
        f.clock.advance(Duration.ofHours(2));
        assertThat(stats.current().attemptsSucceeded()).isZero();
    }
}
