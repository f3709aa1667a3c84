package org.milkmobs.adapters.persistence.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.milkmobs.adapters.persistence.DatabaseMigrations;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL with pgvector for tests. Each {@link #create} makes a fresh, migrated database, so
 * test classes never see each other's rows; all of them are dropped when the JVM ends.
 *
 * <p>The server is the one named by {@code MILKMOBS_TEST_DB_URL} (the test command starts a private
 * cluster and sets it). Without it, and with a Docker engine, a {@code pgvector/pgvector} container is
 * started once per JVM. With neither, tests fail and say how to get a database: a skipped database
 * test would hide missing coverage.
 */
public final class TestDatabase {

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static volatile Server server;

    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(String name, PGSimpleDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
    }

    /** A new database, migrated to the current schema. {@code purpose} becomes part of its name. */
    public static TestDatabase create(String purpose) {
        TestDatabase database = createEmpty(purpose);
        DatabaseMigrations.migrate(database.dataSource);
        return database;
    }

    /**
     * A new database migrated up to {@code version} only: a migration's test fills it as it was before the next, then runs
     * {@link DatabaseMigrations#migrate} for the rest.
     */
    public static TestDatabase migratedTo(String purpose, String version) {
        TestDatabase database = createEmpty(purpose);
        Flyway.configure(DatabaseMigrations.class.getClassLoader()).dataSource(database.dataSource)
                .locations("classpath:db/migration").target(version).load().migrate();
        return database;
    }

    /** A new database with only pgvector installed, for code that runs the migrations itself (the WAR does). */
    public static TestDatabase createEmpty(String purpose) {
        Server s = server();
        String name = "mm_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_")
                + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        name = name.length() > 60 ? name.substring(0, 50) + name.substring(name.length() - 9) : name;
        s.execute("CREATE DATABASE " + name);
        CREATED.add(name);
        return new TestDatabase(name, s.dataSource(name));
    }

    /**
     * Drops this database now (its connections are ended). A benchmark calls it when done: its database can be gigabytes,
     * and the exit hook that drops test databases left the search benchmark's behind under {@code mvn exec:java}.
     */
    public void drop() {
        server().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        CREATED.remove(name);
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return dataSource.getUrl();
    }

    public String user() {
        return dataSource.getUser();
    }

    public String password() {
        return dataSource.getPassword();
    }

    /** Runs SQL with autocommit, for test set-up and inspection. */
    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of each row of a query, with autocommit, for inspection. */
    public List<String> column(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = Server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (String db : CREATED) {
                    try {
                        server.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    } catch (RuntimeException ignored) {
                        // the cluster may already be stopping; a leftover test database is harmless
                    }
                }
                server.stop();
            }, "drop-test-databases"));
        }
        return server;
    }

    private record Server(String host, int port, String user, String password, AutoCloseable container) {

        static Server start() {
            String url = System.getenv("MILKMOBS_TEST_DB_URL");
            String user = System.getenv().getOrDefault("MILKMOBS_TEST_DB_USER", "milkmobs");
            String password = System.getenv().getOrDefault("MILKMOBS_TEST_DB_PASSWORD", "milkmobs");
            if (url != null && !url.isBlank()) {
                // jdbc:postgresql://host:port/anything
                String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
                String[] parts = hostPort.split(":");
                return new Server(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 5432, user, password, null);
            }
            if (DockerClientFactory.instance().isDockerAvailable()) {
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>(
                        DockerImageName.parse("pgvector/pgvector:pg16").asCompatibleSubstituteFor("postgres"));
                container.start();
                return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                        container.getPassword(), container);
            }
            throw new IllegalStateException("No PostgreSQL for tests: run the README's test command (./mm test), "
                    + "or set MILKMOBS_TEST_DB_URL=jdbc:postgresql://HOST:PORT/postgres, or start a Docker engine.");
        }

        PGSimpleDataSource dataSource(String database) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {host});
            ds.setPortNumbers(new int[] {port});
            ds.setDatabaseName(database);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        }

        void execute(String sql) {
            try (Connection c = dataSource("postgres").getConnection(); Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        void stop() {
            if (container != null) {
                try {
                    container.close();
                } catch (Exception ignored) {
                    // best effort at JVM exit
                }
            }
        }
    }
}
