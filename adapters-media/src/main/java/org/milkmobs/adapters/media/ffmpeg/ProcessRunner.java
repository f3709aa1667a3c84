package org.milkmobs.adapters.media.ffmpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool as a subprocess: arguments as a list (never through a shell, so no quoting or injection
 * issues), a hard timeout, and output read concurrently so a chatty tool cannot block on a full pipe.
 */
public final class ProcessRunner {

    private static final int MAX_STDERR = 64 * 1024;

    private ProcessRunner() {
    }

    public static Result run(List<String> command, Duration timeout, long maxStdout) {
        return run(command, null, java.util.Map.of(), timeout, maxStdout);
    }

    /** Like {@link #run(List, Duration, long)}, feeding {@code stdin} (if not null) and adding {@code environment}. */
    public static Result run(List<String> command, byte[] stdin, java.util.Map<String, String> environment, Duration timeout,
                             long maxStdout) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            }
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + " (is it installed?)", e);
        }
        if (stdin != null) {
            Process started = process;
            CompletableFuture.runAsync(() -> {
                try (var in = started.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException e) {
                    // the tool stopped reading (it failed, or needs no more); its exit code tells
                }
            });
        }
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream(), maxStdout));
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAtMost(process.getErrorStream(), MAX_STDERR));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new TimeoutException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), stdout.join(), new String(stderr.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /**
     * Runs a tool whose standard output is consumed as it streams (raw frames, PCM), so nothing of it is
     * buffered whole or written to disk. The process is killed if it outlives {@code timeout}, which
     * ends the stream early; that case, like a non-zero exit, raises an exception after the consumer.
     *
     * @return what the consumer returned
     */
    public static <T> T stream(List<String> command, Duration timeout, StdoutConsumer<T> consumer) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + " (is it installed?)", e);
        }
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAtMost(process.getErrorStream(), MAX_STDERR));
        java.util.concurrent.ScheduledFuture<?> watchdog = WATCHDOG.schedule(process::destroyForcibly, timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try (InputStream out = process.getInputStream()) {
            T result = consumer.consume(out);
            out.transferTo(java.io.OutputStream.nullOutputStream());
            int exit = process.waitFor();
            if (watchdog.isDone()) {
                throw new TimeoutException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (exit != 0) {
                throw new IllegalStateException(command.get(0) + " failed: "
                        + new Result(exit, new byte[0], new String(stderr.join(), StandardCharsets.UTF_8)).firstError());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            watchdog.cancel(false);
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "process-watchdog");
                thread.setDaemon(true);
                return thread;
            });

    /** Reads a process's standard output. */
    @FunctionalInterface
    public interface StdoutConsumer<T> {
        T consume(InputStream stdout) throws IOException;
    }

    /** Drains a stream, keeping at most {@code max} bytes (the rest is read and dropped). */
    static byte[] readAtMost(InputStream in, long max) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                int room = (int) Math.max(0, Math.min(read, max - kept.size()));
                kept.write(buffer, 0, room);
            }
        } catch (IOException e) {
            // the process was killed; what was read is what there is
        }
        return kept.toByteArray();
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** What the process printed and how it ended. */
    public record Result(int exitCode, byte[] stdout, String stderr) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The first line of stderr, trimmed: tools put the cause there. */
        public String firstError() {
            return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit code " + exitCode);
        }
    }

    /** The tool ran out of time and was killed. */
    public static final class TimeoutException extends RuntimeException {
        public TimeoutException(String message) {
            super(message);
        }
    }
}
