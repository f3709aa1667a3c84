package org.milkmobs.bootstrap.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.milkmobs.adapters.http.DnsAddressResolver;
import org.milkmobs.adapters.http.JdkWebhookSender;
import org.milkmobs.adapters.persistence.events.PostgresEventSignals;
import org.milkmobs.application.port.in.events.DeliverWebhooksUseCase;
import org.milkmobs.application.port.in.events.EventStatsUseCase;
import org.milkmobs.application.port.in.events.EventStreamUseCase;
import org.milkmobs.application.port.in.events.WatchStallsUseCase;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.events.EventLog;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventSignals;
import org.milkmobs.application.port.out.events.StallMarks;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.events.AddressResolver;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.out.events.WebhookSender;
import org.milkmobs.application.port.out.events.WebhookSubscriptions;
import org.milkmobs.application.service.events.DeliverWebhooksService;
import org.milkmobs.application.service.events.EventStatsService;
import org.milkmobs.application.service.events.EventStreamService;
import org.milkmobs.application.service.events.TargetGuard;
import org.milkmobs.application.service.events.WatchStallsService;
import org.milkmobs.application.service.events.WebhookAdminService;
import org.milkmobs.application.service.events.WebhookSettings;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.bootstrap.TransactionalUseCases;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.events.AddressRange;
import org.milkmobs.domain.events.TargetAddressPolicy;

/** Wires events out (ADR 0016): the LISTEN/NOTIFY signals, the HTTP sender, the SSRF guard, and their use cases. */
@ApplicationScoped
public class EventsProducers {

    @Inject
    Settings settings;

    @Inject
    TransactionalUseCases transactional;

    /** The {@link EventSignals} of every instance: a LISTEN connection of its own. */
    @Produces
    @Singleton
    PostgresEventSignals postgresSignals() {
        return new PostgresEventSignals(settings.text("db.url"), settings.text("db.user"), settings.text("db.password"));
    }

    void closeSignals(@Disposes PostgresEventSignals signals) {
        signals.close();
    }

    @Produces
    @Singleton
    WebhookSender webhookSender() {
        return new JdkWebhookSender(settings.duration("webhooks.connect-timeout"));
    }

    @Produces
    @Singleton
    AddressResolver addressResolver() {
        return new DnsAddressResolver();
    }

    @Produces
    @Singleton
    TargetGuard targetGuard(AddressResolver resolver) {
        return new TargetGuard(resolver, new TargetAddressPolicy(settings.list("webhooks.allowed-targets").stream()
                .map(AddressRange::parse).toList()));
    }

    @Produces
    @Singleton
    WebhookSettings webhookSettings() {
        return new WebhookSettings(settings.integer("webhooks.max-attempts"), settings.duration("webhooks.timeout"),
                settings.integer("webhooks.per-subscription"), settings.integer("webhooks.workers") * 4, settings.duration("webhooks.secret-grace"),
                settings.integer("webhooks.max-body-bytes"));
    }

    /** Not wrapped: a stream waits for minutes; each read is a transaction of its own. */
    @Produces
    @Singleton
    EventStreamUseCase eventStreams(LoadVideoPort videos, EventLog log, EventSignals signals, Transactions transactions) {
        return new EventStreamService(videos, log, signals, transactions);
    }

    @Produces
    @Singleton
    WebhookAdminUseCase webhookAdmin(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, TargetGuard guard,
                                     WebhookSettings webhookSettings, Clock clock) {
        return transactional.wrap(WebhookAdminUseCase.class, new WebhookAdminService(subscriptions, deliveries, guard, webhookSettings, clock));
    }

    @Produces
    @Singleton
    WatchStallsUseCase watchStalls(PipelineAdminPort pipeline, StallMarks marks, EventOutbox outbox, Clock clock) {
        return transactional.wrap(WatchStallsUseCase.class, new WatchStallsService(pipeline, marks, outbox,
                settings.duration("events.stall-after"), clock));
    }

    @Produces
    @Singleton
    EventStatsUseCase eventStats(EventLog log, WebhookDeliveries deliveries, Clock clock) {
        return transactional.wrap(EventStatsUseCase.class, new EventStatsService(log, deliveries, clock));
    }

    /** Not wrapped: no transaction may stay open while a target answers; claim and record commit on their own. */
    @Produces
    @Singleton
    DeliverWebhooksUseCase deliverWebhooks(WebhookDeliveries deliveries, WebhookSender sender, TargetGuard guard,
                                           WebhookSettings webhookSettings, Transactions transactions, Clock clock) {
        RetryPolicy retry = new RetryPolicy(webhookSettings.maxAttempts(), settings.duration("webhooks.backoff.base"),
                settings.duration("webhooks.backoff.max"), settings.duration("webhooks.timeout"));
        // one generator for all worker threads: ThreadLocalRandom behind the interface
        return new DeliverWebhooksService(deliveries, sender, guard, retry, webhookSettings, transactions, clock,
                () -> ThreadLocalRandom.current().nextLong());
    }
}
