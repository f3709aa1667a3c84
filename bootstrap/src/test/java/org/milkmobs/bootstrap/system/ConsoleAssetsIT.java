package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's files reach a browser gzip-compressed, and anyone else plain: the same bytes either way. */
@ExtendWith(SystemTestServer.class)
class ConsoleAssetsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MilkMobsServer server;

    @BeforeAll
    static void server(MilkMobsServer running) {
        server = running;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/console/console.js", "/console/console.css"})
    void aBrowserThatAcceptsGzipGetsTheCompressedFileAndOthersThePlainOne(String path) throws Exception {
        HttpResponse<byte[]> plain = get(path, null, null);
        HttpResponse<byte[]> compressed = get(path, "gzip, deflate, br", null);

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(compressed.headers().firstValue("Content-Type")).isEqualTo(plain.headers().firstValue("Content-Type"));
        assertThat(compressed.body().length).isLessThan(plain.body().length);
        assertThat(gunzip(compressed.body())).isEqualTo(plain.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip;q=0", "identity", "br"})
    void aClientThatRefusesGzipGetsThePlainFile(String acceptEncoding) throws Exception {
        HttpResponse<byte[]> response = get("/console/console.js", acceptEncoding, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isNotBlank();
    }

    @Test
    void aReloadRevalidatesWithTheEtag() throws Exception {
        String path = "/console/console.js";
        String etag = get(path, "gzip", null).headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = get(path, "gzip", etag);

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
