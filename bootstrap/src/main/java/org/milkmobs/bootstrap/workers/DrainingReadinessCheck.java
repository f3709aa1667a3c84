package org.milkmobs.bootstrap.workers;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN from the moment this instance begins to stop (SIGTERM or undeploy), before its workers stop claiming and
 * give their jobs back: a load balancer or Kubernetes polling {@code /health/ready} takes it out of rotation
 * while it still answers, instead of learning it from refused connections.
 */
@Readiness
@ApplicationScoped
public class DrainingReadinessCheck implements HealthCheck {

    private final AtomicBoolean draining = new AtomicBoolean();

    /** From now on this instance is not ready; there is no way back short of a restart. */
    void drain() {
        draining.set(true);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-work").status(!draining.get()).build();
    }
}
