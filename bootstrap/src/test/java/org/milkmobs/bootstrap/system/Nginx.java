package org.milkmobs.bootstrap.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx in front of several instances, configured as an on-prem operator would: round robin, and a
 * request that could not reach an instance (refused, reset, 502/503/504) goes to the next one; a request
 * already sent is retried only when idempotent (nginx's default), so a cut-off POST is the client's to retry.
 */
final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final URI baseUri;
    private final Path dir;

    private Nginx(Process process, URI baseUri, Path dir) {
        this.process = process;
        this.baseUri = baseUri;
        this.dir = dir;
    }

    static Nginx inFrontOf(Path dir, List<URI> instances) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("no nginx at " + BINARY + ": scripts/install-system-deps.sh installs it");
        }
        try {
            Files.createDirectories(dir);
            int port = MilkMobsServer.freePort();
            String upstreams = instances.stream()
                    .map(uri -> "    server " + uri.getHost() + ":" + uri.getPort() + " max_fails=1 fail_timeout=2s;")
                    .collect(Collectors.joining("\n"));
            Path config = dir.resolve("nginx.conf");
            Files.writeString(config, """
                    daemon off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 256; }
                    http {
                      access_log %1$s/access.log;
                      client_body_temp_path %1$s/body;
                      proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fastcgi;
                      uwsgi_temp_path %1$s/uwsgi;
                      scgi_temp_path %1$s/scgi;
                      client_max_body_size 20m;
                      upstream milkmobs {
                    %2$s
                      }
                      server {
                        listen 127.0.0.1:%3$d;
                        location / {
                          proxy_pass http://milkmobs;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $host:$server_port;
                          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                          proxy_set_header X-Forwarded-Proto $scheme;
                          proxy_connect_timeout 2s;
                          proxy_read_timeout 60s;
                          proxy_next_upstream error timeout http_502 http_503 http_504;
                          proxy_next_upstream_tries 3;
                          proxy_buffering off;
                        }
                        # a text search changes nothing: nginx may send it again even after an instance cut it off
                        location = /api/search/videos {
                          proxy_pass http://milkmobs;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $host:$server_port;
                          proxy_connect_timeout 2s;
                          proxy_read_timeout 60s;
                          proxy_next_upstream error timeout http_502 http_503 http_504 non_idempotent;
                          proxy_next_upstream_tries 3;
                        }
                      }
                    }
                    """.formatted(dir, upstreams, port));
            Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, URI.create("http://127.0.0.1:" + port), dir);
            nginx.awaitListening(port);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return baseUri.resolve(path);
    }

    URI baseUri() {
        return baseUri;
    }

    /** How many requests nginx passed on again to another instance (its error log names each failed try). */
    long upstreamErrors() {
        try {
            Path log = dir.resolve("error.log");
            return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> line.contains("upstream")).count() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: see " + dir.resolve("nginx.out") + " and error.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Uploads.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
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
}
