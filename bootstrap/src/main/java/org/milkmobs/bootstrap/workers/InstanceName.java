package org.milkmobs.bootstrap.workers;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * This instance's name in the cluster: the owner of the jobs it claims and the holder of a housekeeper term.
 * The process (pid@host) and a random part, so a restarted process never passes for its predecessor.
 */
@ApplicationScoped
public class InstanceName {

    private final String value = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String value() {
        return value;
    }
}
