package org.milkmobs.adapters.persistence.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.out.pipeline.JobSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Idle workers wait on {@code LISTEN milkmobs_jobs}, which a trigger on the job table notifies when a job becomes
 * claimable (V40). One connection of its own, outside the pool (it is held for the application's life), read by
 * the one waiting thread with {@link PGConnection#getNotifications(int)}. When the connection breaks (a database
 * restart, a failover) the wait ends unwoken after a short pause, so the worker's polling covers the gap, and the
 * next wait reconnects; a reconnect answers "woken", because what was enqueued while nobody listened is unknown.
 */
public final class PostgresJobSignals implements JobSignals, AutoCloseable {

    static final String CHANNEL = "milkmobs_jobs";
    static final String APPLICATION_NAME = "milkmobs-jobs-listen";

    private static final Logger LOG = Logger.getLogger(PostgresJobSignals.class.getName());
    private static final long RECONNECT_PAUSE_MILLIS = 1_000;

    private final String url;
    private final Properties properties = new Properties();
    private Connection connection;
    private boolean failing;
    private volatile boolean closed;

    public PostgresJobSignals(String url, String user, String password) {
        this.url = url;
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        // a listener that never hears from a vanished server must not wait on its socket forever
        properties.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public boolean awaitJobs(Duration timeout) throws InterruptedException {
        long millis = Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        if (closed) {
            Thread.sleep(millis);
            return false;
        }
        try {
            PGConnection listening = listening();
            if (listening == null) {
                return true;
            }
            PGNotification[] notifications = listening.getNotifications((int) millis);
            return notifications != null && notifications.length > 0;
        } catch (SQLException | RuntimeException e) {
            drop();
            if (closed) {
                return false;
            }
            LOG.log(failing ? Level.FINE : Level.WARNING, "listening for jobs failed; workers poll until it reconnects", e);
            failing = true;
            Thread.sleep(Math.min(millis, RECONNECT_PAUSE_MILLIS));
            return false;
        }
    }

    /** The listening connection, or null when it was just opened (the caller then reports "woken"). */
    private synchronized PGConnection listening() throws SQLException {
        if (connection != null) {
            return connection.unwrap(PGConnection.class);
        }
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        try (Statement statement = opened.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
        connection = opened;
        if (failing) {
            LOG.info("listening for jobs again");
            failing = false;
        }
        return null;
    }

    private synchronized void drop() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken already; a new one is opened on the next wait
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        drop();
    }
}
