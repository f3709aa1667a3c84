package org.milkmobs.adapters.http.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local HTTPS server with a certificate made for the test (keytool, for 127.0.0.1 and localhost), and a trust
 * store holding that certificate, which a client is configured with as an operator would for an internal CA.
 */
public final class SelfSignedHttps implements AutoCloseable {

    public static final String PASSWORD = "changeit";

    private final HttpsServer server;
    private final Path trustStore;

    private SelfSignedHttps(HttpsServer server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    /** Generates the certificate and its trust store in {@code dir}, and starts the server on 127.0.0.1. */
    public static SelfSignedHttps start(Path dir) {
        try {
            Path keys = dir.resolve("server.p12");
            Path certificate = dir.resolve("server.crt");
            Path trust = dir.resolve("trust.p12");
            Files.deleteIfExists(keys);
            Files.deleteIfExists(trust);
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                    "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keys.toString(), "-storepass", PASSWORD, "-file",
                    certificate.toString());
            keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(), "-storetype", "PKCS12",
                    "-keystore", trust.toString(), "-storepass", PASSWORD);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keys)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(store, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(managers.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return new SelfSignedHttps(server, trust);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the test HTTPS server", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Serves {@code path} with {@code handler}. */
    public SelfSignedHttps serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    /** Serves {@code path} as an image of {@code type}. */
    public SelfSignedHttps image(String path, String type, byte[] bytes) {
        return serve(path, exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
    }

    public URI uri(String path) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A PKCS#12 trust store holding the server's certificate (password {@link #PASSWORD}). */
    public Path trustStore() {
        return trustStore;
    }

    @Override
    public void close() {
        server.stop(0);
        if (server.getExecutor() instanceof java.util.concurrent.ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
