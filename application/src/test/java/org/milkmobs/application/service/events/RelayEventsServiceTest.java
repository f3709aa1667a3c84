package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.Definition;
import org.milkmobs.application.service.video.RelayEventsService;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

class RelayEventsServiceTest {

    private final WebhookFixture f = new WebhookFixture();
    private final List<PublishedEvent> listened = new ArrayList<>();
    private final RelayEventsService relay = new RelayEventsService(f.events, listened::add, f.webhooks, 3, f.clock);

    @Test
    void publishingNumbersTheEventsOnceAndMakesOneDeliveryPerWantingSubscription() {
        Caller admin = Caller.admin(new UserId("admin"));
        UUID all = f.admin.create(new Definition(URI.create("https://hooks.example.com/all"), Set.of(), true, null), admin).subscription().id();
        UUID uploads = f.admin.create(new Definition(URI.create("https://hooks.example.com/up"), Set.of("video.uploaded"), true, null), admin)
                .subscription().id();
        String video = UUID.randomUUID().toString();
        f.videoEvent("video.submitted", video, "alice");
        f.videoEvent("video.uploaded", video, "alice");

        assertThat(relay.relay()).isEqualTo(2);
        assertThat(relay.relay()).isZero();

        assertThat(listened).extracting(PublishedEvent::sequence).containsExactly(1L, 2L);
        assertThat(f.admin.deliveries(all, Optional.empty(), 10, admin)).hasSize(2);
        assertThat(f.admin.deliveries(uploads, Optional.empty(), 10, admin)).extracting(d -> d.eventType()).containsExactly("video.uploaded");
    }
}
