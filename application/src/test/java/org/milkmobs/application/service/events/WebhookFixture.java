package org.milkmobs.application.service.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.service.video.RelayEventsService;
import org.milkmobs.application.testing.FixedAddressResolver;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryWebhooks;
import org.milkmobs.application.testing.ScriptedWebhookSender;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.events.AddressRange;
import org.milkmobs.domain.events.TargetAddressPolicy;

/** The webhook services on their in-memory twins, with a clock the test moves. */
final class WebhookFixture {

    static final Transactions NO_TRANSACTIONS = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };

    final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    final InMemoryEvents events = new InMemoryEvents();
    final InMemoryWebhooks webhooks = new InMemoryWebhooks(events);
    final ScriptedWebhookSender sender = new ScriptedWebhookSender();
    final FixedAddressResolver resolver = new FixedAddressResolver().name("hooks.example.com", "93.184.216.34");
    final WebhookSettings settings = new WebhookSettings(3, Duration.ofSeconds(5), 2, 10, Duration.ofHours(1), 65_536);
    final TargetGuard guard = new TargetGuard(resolver, new TargetAddressPolicy(List.of(AddressRange.parse("10.20.0.0/16"))));
    final WebhookAdminService admin = new WebhookAdminService(webhooks, webhooks, guard, settings, clock);
    final DeliverWebhooksService deliver = new DeliverWebhooksService(webhooks, sender, guard,
            new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30)), settings, NO_TRANSACTIONS, clock,
            () -> Long.MAX_VALUE);
    final RelayEventsService relay = new RelayEventsService(events, event -> { }, webhooks, 3, clock);

    void videoEvent(String type, String video, String owner) {
        events.append(type, video, Map.of("videoId", video, "ownerId", owner), clock.instant());
    }
}
