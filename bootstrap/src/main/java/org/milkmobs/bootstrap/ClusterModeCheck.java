package org.milkmobs.bootstrap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import org.milkmobs.bootstrap.config.Settings;

/**
 * Refuses to start an instance of a cluster ({@code cluster.enabled=true}) whose files the others could not
 * read: on the local disk, an upload to one instance would be missing on the next, and URLs signed with one
 * instance's own key would be refused by the others. S3 is the cluster's store; a local disk only where
 * every instance mounts the same one and shares the signing key (ADR 0023).
 */
@ApplicationScoped
public class ClusterModeCheck {

    @Inject
    Settings settings;

    /** Before anything else starts (migrations, workers): a refused instance never touches the shared database. */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) @Initialized(ApplicationScoped.class) Object ignored) {
        List<String> missing = missing(settings.flag("cluster.enabled"), settings.text("storage.backend"),
                settings.flag("storage.local.shared"), settings.optionalText("storage.local.signing-key").isPresent());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("cluster.enabled=true with the local disk store needs " + String.join(" and ", missing)
                    + "; or use storage.backend=s3, the cluster's store");
        }
    }

    /** What a cluster instance on the local disk store lacks; empty outside a cluster or on another store. */
    static List<String> missing(boolean cluster, String backend, boolean sharedDisk, boolean signingKeySet) {
        List<String> missing = new ArrayList<>();
        if (!cluster || !backend.equals("local")) {
            return missing;
        }
        if (!sharedDisk) {
            missing.add("storage.local.shared=true (every instance mounts the same storage.local.root)");
        }
        if (!signingKeySet) {
            missing.add("storage.local.signing-key (the same key on every instance)");
        }
        return missing;
    }
}
