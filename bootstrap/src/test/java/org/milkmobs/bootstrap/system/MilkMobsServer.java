package org.milkmobs.bootstrap.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.milkmobs.adapters.persistence.testing.TestDatabase;

/**
 * The packaged WAR on a real Payara Micro, in a child process, configured through environment variables
 * exactly as an operator would configure it. It starts on a free port with its own fresh database.
 */
public final class MilkMobsServer implements AutoCloseable {

    /** A loaded machine may need longer: {@code -Dmilkmobs.boot-timeout=PT8M}. */
    private static final Duration BOOT_TIMEOUT = Duration.parse(System.getProperty("milkmobs.boot-timeout", "PT4M"));

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final TestDatabase database;
    private final TestTokens tokens;
    private final Path workDir;
    private final ProcessBuilder launch;

    private MilkMobsServer(Process process, URI baseUri, Path log, TestDatabase database, TestTokens tokens, Path workDir,
                           ProcessBuilder launch) {
        this.launch = launch;
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.database = database;
        this.tokens = tokens;
        this.workDir = workDir;
    }

    /** Boots a server named {@code name}; {@code extraEnvironment} adds or overrides configuration. */
    public static MilkMobsServer start(String name, Map<String, String> extraEnvironment) {
        return start(name, extraEnvironment, "768m");
    }

    /** As {@link #start(String, Map)}, with the server's JVM limited to {@code maxHeap} (as in {@code -Xmx}). */
    public static MilkMobsServer start(String name, Map<String, String> extraEnvironment, String maxHeap) {
        return start(name, extraEnvironment, maxHeap, UnaryOperator.identity());
    }

    /** As {@link #start(String, Map)}, reaching its database through {@code route} (which rewrites the JDBC URL). */
    public static MilkMobsServer start(String name, Map<String, String> extraEnvironment, UnaryOperator<String> route) {
        return start(name, extraEnvironment, "768m", route);
    }

    /**
     * As {@link #start(String, Map, UnaryOperator)}, deploying {@code war} instead of the build's (a benchmark comparing two
     * builds on one database, e.g. an older commit's WAR next to this one's).
     */
    public static MilkMobsServer start(String name, Path war, Map<String, String> extraEnvironment, UnaryOperator<String> route) {
        return start(name, war, extraEnvironment, "768m", route);
    }

    private static MilkMobsServer start(String name, Map<String, String> extraEnvironment, String maxHeap, UnaryOperator<String> route) {
        return start(name, Path.of(requiredProperty("milkmobs.war")), extraEnvironment, maxHeap, route);
    }

    private static MilkMobsServer start(String name, Path war, Map<String, String> extraEnvironment, String maxHeap,
                                        UnaryOperator<String> route) {
        Path payara = Path.of(requiredProperty("milkmobs.payara"));
        Path payaraCommands = Path.of(requiredProperty("milkmobs.payara-commands"));
        Path workDir = Path.of(requiredProperty("milkmobs.workdir")).resolve(name);
        try {
            // Payara Micro's root folder remembers deployed applications; a leftover one would deploy twice
            deleteRecursively(workDir);
            Files.createDirectories(workDir.resolve("tmp"));
            TestDatabase database = TestDatabase.createEmpty("system_" + name);
            TestTokens tokens = new TestTokens();
            Path publicKey = workDir.resolve("jwt-public-key.pem");
            Files.writeString(publicKey, tokens.publicKeyPem());
            int port = freePort();

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + maxHeap, "-Djava.io.tmpdir=" + workDir.resolve("tmp"),
                    // as ./mm run starts it: the JSON-P provider named, not looked up on every Json.createReader
                    "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl"));
            // a benchmark's profiler, e.g. MILKMOBS_SERVER_JAVA_OPTIONS=-XX:StartFlightRecording=filename=/tmp/a.jfr
            String extraOptions = System.getenv().getOrDefault("MILKMOBS_SERVER_JAVA_OPTIONS", "").strip();
            if (!extraOptions.isEmpty()) {
                command.addAll(List.of(extraOptions.split("\\s+")));
            }
            command.addAll(List.of("-jar", payara.toString(),
                    "--deploy", war.toString(), "--contextroot", "/", "--port", String.valueOf(port),
                    "--nocluster", "--rootdir", workDir.resolve("payara-root").toString(),
                    // the port opens once the WAR is deployed (see src/main/payara/README.md), as ./mm run starts it
                    "--prebootcommandfile", payaraCommands.resolve("pre-boot-commands.txt").toString(),
                    "--postdeploycommandfile", payaraCommands.resolve("post-deploy-commands.txt").toString()));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            Path log = workDir.resolve("payara.log");
            builder.redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("DB_URL", route.apply(database.jdbcUrl()));
            env.put("DB_USER", database.user());
            env.put("DB_PASSWORD", database.password());
            env.put("MP_JWT_VERIFY_ISSUER", TestTokens.ISSUER);
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
            env.put("MILKMOBS_DATA_DIR", workDir.resolve("data").toString());
            // the system tests of mobs, feed and search stand for a site that accepts on hashtags and sound
            // alone; ReviewIT runs the default (review) on a server of its own
            env.put("VALIDATION_UNPROVEN", "accept");
            env.putAll(extraEnvironment);

            MilkMobsServer server = new MilkMobsServer(builder.start(), URI.create("http://127.0.0.1:" + port), log,
                    database, tokens, workDir, builder);
            server.awaitDeployed();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts this server again after it ended (stopped or killed): the same port, configuration, database and
     * files, as an operator's restart or a rolling update does. Its log goes on in the same file.
     */
    public MilkMobsServer restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("the server at " + baseUri + " is still running");
        }
        try {
            deleteRecursively(workDir.resolve("payara-root"));
            launch.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            MilkMobsServer server = new MilkMobsServer(launch.start(), baseUri, log, database, tokens, workDir, launch);
            server.awaitDeployed();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    public TestTokens tokens() {
        return tokens;
    }

    public TestDatabase database() {
        return database;
    }

    public Path workDir() {
        return workDir;
    }

    /** The process id, the first part of the instance's name in the job table ({@code pid@host/random}). */
    public long pid() {
        return process.pid();
    }

    public ApiClient as(String token) {
        return new ApiClient(baseUri, token);
    }

    public ApiClient anonymous() {
        return new ApiClient(baseUri, null);
    }

    /**
     * Ready means the database answers AND the application is deployed: a Payara whose deployment failed
     * still answers /health, so the deployed API itself must be seen in the OpenAPI document.
     */
    private void awaitDeployed() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up:\n" + tail());
            }
            if (logContains("Exception while loading the app")) {
                close();
                throw new IllegalStateException("Milk Mobs failed to deploy:\n" + causes() + "\n" + tail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(uri("/openapi")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && openapi.body().contains("/api/videos/submit")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Milk Mobs was not ready after " + BOOT_TIMEOUT + ":\n" + tail());
    }

    /** The log's exception lines (their messages say why a deployment failed; a long trace pushes them out of the tail). */
    private String causes() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("Exception") && !line.stripLeading().startsWith("at "))
                    .distinct().limit(40).collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** kill -9: the process ends at once, without any of its shutdown hooks. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as an operator's stop or Kubernetes sends it, waiting for the process to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the system tests through Maven (failsafe)");
        }
        return value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
