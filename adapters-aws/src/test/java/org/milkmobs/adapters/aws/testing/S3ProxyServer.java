package org.milkmobs.adapters.aws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy (a real implementation of the S3 REST API over the local file system) as a child process,
 * checking AWS signatures with {@link #ACCESS_KEY} / {@link #SECRET_KEY}. Its jar is named by the system
 * property {@code milkmobs.s3proxy.jar} (the build copies it to {@code target/test-tools}).
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "milkmobs-test-access";
    public static final String SECRET_KEY = "milkmobs-test-secret-key-0123456789";

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private S3ProxyServer(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    public static S3ProxyServer start(Path workDir) {
        String jar = System.getProperty("milkmobs.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property milkmobs.s3proxy.jar must name the S3Proxy jar; run through Maven");
        }
        try {
            Path data = Files.createDirectories(workDir.resolve("s3proxy-data"));
            int port = freePort();
            Path properties = workDir.resolve("s3proxy.properties");
            Files.write(properties, List.of(
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data));
            Path log = workDir.resolve("s3proxy.log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", jar, "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, URI.create("http://127.0.0.1:" + port), log);
            server.awaitListening();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitListening() throws IOException {
        // a loaded machine may need longer: -Dmilkmobs.s3proxy.start-seconds=300
        long seconds = Long.getLong("milkmobs.s3proxy.start-seconds", 60);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not listen within " + seconds + " s: " + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
