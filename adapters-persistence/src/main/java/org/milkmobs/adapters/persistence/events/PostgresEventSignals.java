package org.milkmobs.adapters.persistence.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.out.events.EventSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTEN/NOTIFY wake-ups: one connection of its own (not from the pool: it is held for the application's life)
 * listens to the channels the outbox triggers notify at commit, on a daemon thread that reconnects after a
 * failure.
 */
public final class PostgresEventSignals implements EventSignals, AutoCloseable {

    static final String APPENDED = "milkmobs_outbox";
    static final String PUBLISHED = "milkmobs_events";

    private static final Logger LOG = Logger.getLogger(PostgresEventSignals.class.getName());
    private static final int POLL_MILLIS = 500;

    private final String url;
    private final Properties credentials = new Properties();
    private final Channel appended = new Channel();
    private final Channel published = new Channel();
    private volatile boolean closed;
    private Thread listener;

    public PostgresEventSignals(String url, String user, String password) {
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("ApplicationName", "milkmobs-listen");
    }

    @Override
    public boolean awaitAppended(Duration timeout) throws InterruptedException {
        ensureListening();
        return appended.await(timeout);
    }

    @Override
    public boolean awaitPublished(Duration timeout) throws InterruptedException {
        ensureListening();
        return published.await(timeout);
    }

    private synchronized void ensureListening() {
        if (listener == null && !closed) {
            listener = new Thread(this::listen, "milkmobs-event-signals");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = new org.postgresql.Driver().connect(url, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + APPENDED + "; LISTEN " + PUBLISHED);
                }
                // whatever happened while not listening is unknown: wake everyone once, they re-read the store
                appended.signal();
                published.signal();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        (APPENDED.equals(notification.getName()) ? appended : published).signal();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "listening for event signals failed; polling until it reconnects", e);
                    sleepQuietly(1000);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = listener;
        }
        if (running != null) {
            running.interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A signal counter. Each waiting thread remembers the count its previous wait returned at, so a signal that
     * came while it was busy re-reading the store wakes its next wait at once instead of being lost.
     */
    private static final class Channel {
        private final ThreadLocal<Long> seen = new ThreadLocal<>();
        private long signals;

        synchronized void signal() {
            signals++;
            notifyAll();
        }

        synchronized boolean await(Duration timeout) throws InterruptedException {
            long last = seen.get() == null ? signals : seen.get();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (signals == last) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            seen.set(signals);
            return signals != last;
        }
    }
}
