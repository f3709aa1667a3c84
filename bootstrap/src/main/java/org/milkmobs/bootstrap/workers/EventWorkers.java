package org.milkmobs.bootstrap.workers;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.adapters.rest.events.SseHub;
import org.milkmobs.application.port.in.events.DeliverWebhooksUseCase;
import org.milkmobs.application.port.in.events.WatchStallsUseCase;
import org.milkmobs.application.port.in.video.RelayEventsUseCase;
import org.milkmobs.application.port.out.events.EventSignals;
import org.milkmobs.bootstrap.config.Settings;

/**
 * Events out in this instance (ADR 0016), each a long-running loop on its own managed thread: the relay (wakes on
 * NOTIFY of a new outbox row, publishes), the stall watch, the server-sent events dispatcher, and the webhook workers (wake on
 * NOTIFY of a publication or poll, deliver, and return the deliveries of workers that died).
 */
@ManagedExecutorDefinition(name = EventWorkers.EXECUTOR, maxAsync = 24, hungTaskThreshold = -1)
@ApplicationScoped
public class EventWorkers {

    static final String EXECUTOR = "java:app/concurrent/events";
    private static final Logger LOG = Logger.getLogger(EventWorkers.class.getName());
    private static final Duration RESCUE_EVERY = Duration.ofSeconds(10);

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

    @Inject
    RelayEventsUseCase relay;

    @Inject
    DeliverWebhooksUseCase webhooks;

    @Inject
    EventSignals signals;

    @Inject
    WatchStallsUseCase stalls;

    @Inject
    SseHub hub;

    @Inject
    Settings settings;

    private volatile boolean running;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) @Initialized(ApplicationScoped.class) Object ignored) {
        running = true;
        Duration relayPoll = settings.duration("events.relay-poll");
        executor.execute(() -> loop("event relay", () -> {
            if (relay.relay() == 0) {
                signals.awaitAppended(relayPoll);
            }
        }));
        Duration stallCheck = settings.duration("events.stall-check");
        executor.execute(() -> loop("stall watch", () -> {
            stalls.check();
            Thread.sleep(stallCheck.toMillis());
        }));
        Duration heartbeat = settings.duration("events.sse.heartbeat");
        Duration ssePoll = settings.duration("events.sse.poll");
        executor.execute(() -> hub.dispatch(() -> running, heartbeat, ssePoll));
        if (settings.flag("webhooks.enabled")) {
            String worker = ManagementFactory.getRuntimeMXBean().getName() + "/webhooks/" + UUID.randomUUID().toString().substring(0, 8);
            Duration poll = settings.duration("webhooks.poll-interval");
            for (int i = 0; i < settings.integer("webhooks.workers"); i++) {
                String name = worker + "-" + i;
                executor.execute(() -> loop("webhook deliveries", () -> {
                    if (webhooks.deliverDue(name) == 0) {
                        signals.awaitPublished(poll);
                    }
                }));
            }
            executor.execute(() -> loop("webhook rescuer", () -> {
                webhooks.rescueExpired();
                Thread.sleep(RESCUE_EVERY.toMillis());
            }));
        } else {
            LOG.info("webhook deliveries are not run in this instance (webhooks.enabled=false)");
        }
    }

    private void loop(String what, Round round) {
        while (running) {
            try {
                round.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed; trying again in a second", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    @FunctionalInterface
    private interface Round {
        void run() throws InterruptedException;
    }
}
