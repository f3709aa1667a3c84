package org.milkmobs.application.port.in.events;

/** The webhook worker: delivers due deliveries, outside any transaction while the target answers. */
public interface DeliverWebhooksUseCase {

    /** Claims and delivers up to a batch of due deliveries; returns how many were attempted. */
    int deliverDue(String worker);

    /** Gives back deliveries whose worker died; returns how many. */
    int rescueExpired();
}
