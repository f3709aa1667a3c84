package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.milkmobs.adapters.persistence.testing.TestDatabase;

/**
 * Issue 24, point 2: instances sharing one database elect one housekeeper, which alone does the periodic work;
 * a stopped housekeeper hands over at once, a killed one when its term ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String TERM = "PT6S";

    private static MilkMobsServer a;
    private static MilkMobsServer b;
    private static MilkMobsServer c;
    private static TestDatabase database;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>(SystemTestServer.DEFAULTS);
        env.put("HOUSEKEEPING_TERM", TERM);
        a = MilkMobsServer.start("cluster-a", env);
        database = a.database();
        b = MilkMobsServer.start("cluster-b", sameDatabaseAs(a, env));
    }

    @AfterAll
    static void stop() {
        for (MilkMobsServer server : new MilkMobsServer[] {c, b, a}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    @Order(1)
    void oneInstanceIsTheHousekeeperAndOnlyItDoesThePeriodicWork() throws Exception {
        String holder = awaitHolder(Optional.empty());
        MilkMobsServer housekeeper = serverNamed(holder, a, b);
        MilkMobsServer other = housekeeper == a ? b : a;

        // the re-clustering that a fresh catalogue is due for at start-up runs on the housekeeper only
        awaitLog(housekeeper, "re-clustering");
        assertThat(other.logContains("re-clustering")).isFalse();
        assertThat(other.logContains("is the housekeeper now")).isFalse();
    }

    @Test
    @Order(2)
    void aStoppedHousekeeperHandsOverAtOnceAndAKilledOneWhenItsTermEnds() throws Exception {
        String first = awaitHolder(Optional.empty());
        MilkMobsServer housekeeper = serverNamed(first, a, b);
        MilkMobsServer survivor = housekeeper == a ? b : a;

        housekeeper.close();
        assertThat(holder()).as("SIGTERM: the term was handed over before the process ended").isNotEqualTo(Optional.of(first));
        String second = awaitHolder(Optional.of(first));
        assertThat(serverNamed(second, survivor)).isSameAs(survivor);

        c = MilkMobsServer.start("cluster-c", sameDatabaseAs(a, Map.of("HOUSEKEEPING_TERM", TERM)));
        survivor.kill();
        assertThat(holder()).as("kill -9 runs no hook: the dead instance's term stands until it ends").contains(second);
        String third = awaitHolder(Optional.of(second));
        assertThat(serverNamed(third, c)).isSameAs(c);
    }

    private static Map<String, String> sameDatabaseAs(MilkMobsServer first, Map<String, String> env) {
        Map<String, String> shared = new HashMap<>(env);
        // the same database and token key as the first (the environment overrides what start() made for this one)
        shared.putAll(MilkMobsServer.env("DB_URL", first.database().jdbcUrl(), "DB_USER", first.database().user(),
                "DB_PASSWORD", first.database().password(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", first.workDir().resolve("jwt-public-key.pem").toUri().toString()));
        return shared;
    }

    private static MilkMobsServer serverNamed(String instance, MilkMobsServer... candidates) {
        for (MilkMobsServer server : candidates) {
            if (server.logContains(instance + " is the housekeeper now")) {
                return server;
            }
        }
        throw new AssertionError("no server among the candidates logged that " + instance + " is the housekeeper");
    }

    /** Waits (well past a term) until an instance other than {@code previous} holds the term, and names it. */
    private static String awaitHolder(Optional<String> previous) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> holder = holder();
            if (holder.isPresent() && !holder.equals(previous)) {
                return holder.get();
            }
            Uploads.sleep(200);
        }
        throw new AssertionError("no housekeeper took over from " + previous + "; the term is held by " + holder());
    }

    private static Optional<String> holder() throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement s = connection.createStatement();
             ResultSet row = s.executeQuery("SELECT holder FROM housekeeper_term WHERE until > now()")) {
            return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
    }

    private static void awaitLog(MilkMobsServer server, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.logContains(text)) {
            assertThat(System.nanoTime()).as("the log of " + server.workDir() + " shows " + text).isLessThan(deadline);
            Uploads.sleep(200);
        }
    }
}
