package org.milkmobs.bootstrap.system;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives system tests the default Milk Mobs server (local analyzer, local disk storage), booted once per
 * test run and shared by every test class: a boot costs about 20 s.
 */
public class SystemTestServer implements ParameterResolver {

    /** Tight limits, so refusals are cheap to provoke, and fast housekeeping, so tests need not wait long. */
    static final Map<String, String> DEFAULTS = Map.of(
            "MEDIA_MAX_BYTES", "5000000",
            "MEDIA_MAX_DURATION_SECONDS", "30",
            "HOUSEKEEPING_INTERVAL", "PT1S",
            "UPLOADS_COMPLETE_AFTER", "PT3S",
            "UPLOADS_RECONCILE_INTERVAL", "PT1S",
            "MOBS_RECLUSTER_EVERY", "PT24H",
            "MOBS_RECLUSTER_GROWTH", "0",
            "MOBS_RECLUSTER_SETTLE", "PT0S",
            "CORS_ALLOWED_ORIGINS", SecurityIT.WEB_APP_ORIGIN);

    public static final long MAX_BYTES = 5_000_000;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MilkMobsServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("milkmobs-default-server", key -> new Holder(MilkMobsServer.start("default", DEFAULTS)), Holder.class)
                .server;
    }

    /** Closed by JUnit when the whole run ends. */
    private record Holder(MilkMobsServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
