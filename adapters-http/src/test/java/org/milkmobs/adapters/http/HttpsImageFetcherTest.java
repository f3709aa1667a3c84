package org.milkmobs.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.milkmobs.adapters.http.testing.SelfSignedHttps;
import org.milkmobs.application.port.out.gateway.RemoteImageRefusedException;
import org.milkmobs.application.port.out.events.AddressResolver;
import org.milkmobs.domain.events.AddressRange;
import org.milkmobs.domain.events.TargetAddressPolicy;

/** The gateway's image fetches: which URLs are refused before any connection, and what answers are not taken. */
class HttpsImageFetcherTest {

    private static final String SETTING = "gateway.images.allowed-targets";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    @TempDir
    static Path dir;

    private static SelfSignedHttps server;

    /** Names resolve through this map; anything else would be a real lookup, which no refusal test may need. */
    private static final Map<String, List<String>> DNS = Map.of(
            "images.example", List.of("93.184.216.34"),
            "rebound.example", List.of("93.184.216.34", "10.1.2.3"),
            "metadata.example", List.of("169.254.169.254"),
            "nowhere.example", List.of(),
            "localhost.", List.of("127.0.0.1", "::1"));

    private final List<String> resolved = new ArrayList<>();

    private final AddressResolver resolver = host -> {
        resolved.add(host);
        List<String> addresses = DNS.getOrDefault(host, List.of(host));
        List<InetAddress> result = new ArrayList<>();
        for (String address : addresses) {
            try {
                result.add(InetAddress.getByName(address));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        return result;
    };

    @BeforeAll
    static void start() {
        server = SelfSignedHttps.start(dir);
        server.image("/frame.png", "image/png", PNG)
                .image("/big.png", "image/png", new byte[5000])
                .image("/page.html", "text/html", "<html></html>".getBytes())
                .serve("/moved.png", exchange -> {
                    try (exchange) {
                        exchange.getResponseHeaders().add("Location", "https://127.0.0.1/elsewhere.png");
                        exchange.sendResponseHeaders(302, -1);
                    }
                })
                .serve("/unsized.png", exchange -> {
                    try (exchange) {
                        exchange.getResponseHeaders().add("Content-Type", "image/png");
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().write(new byte[5000]);
                    }
                })
                .serve("/slow.png", exchange -> {
                    try (exchange) {
                        Thread.sleep(3000);
                        exchange.sendResponseHeaders(200, PNG.length);
                        exchange.getResponseBody().write(PNG);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpsImageFetcher fetcher(String... allowed) {
        return new HttpsImageFetcher(resolver, new TargetAddressPolicy(List.of(allowed).stream().map(AddressRange::parse).toList(), SETTING),
                TrustStores.context(Optional.of(server.trustStore()), SelfSignedHttps.PASSWORD.toCharArray()), 1000, Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({
            "https://127.0.0.1/a.png, loopback",
            "https://[::1]/a.png, loopback",
            "https://[::ffff:127.0.0.1]/a.png, loopback",
            "https://2130706433/a.png, loopback",
            "https://localhost./a.png, loopback",
            "https://10.0.0.5/a.png, private",
            "https://172.16.0.1/a.png, private",
            "https://192.168.1.1/a.png, private",
            "https://169.254.169.254/latest/meta-data/, link-local",
            "https://[fe80::1]/a.png, link-local",
            "https://[fc00::1]/a.png, unique-local",
            "https://100.64.0.1/a.png, carrier-grade NAT",
            "https://224.0.0.1/a.png, non-unicast",
            "https://0.0.0.0/a.png, non-unicast",
            "https://metadata.example/a.png, link-local",
            "https://rebound.example/a.png, private",
    })
    void internalAddressesAreRefusedNamingTheirKindAndTheAllowListSetting(String url, String kind) {
        assertThatThrownBy(() -> fetcher().fetch(URI.create(url)))
                .isInstanceOf(RemoteImageRefusedException.class).hasMessageContaining(kind).hasMessageContaining(SETTING);
    }

    @Test
    void onlyHttpsIsFetchedWithoutCredentialsAndANameMustResolve() {
        assertThatThrownBy(() -> fetcher().fetch(URI.create("http://images.example/a.png"))).hasMessageContaining("only https");
        assertThatThrownBy(() -> fetcher().fetch(URI.create("ftp://images.example/a.png"))).hasMessageContaining("only https");
        assertThatThrownBy(() -> fetcher().fetch(URI.create("https://user:secret@images.example/a.png"))).hasMessageContaining("user");
        assertThatThrownBy(() -> fetcher().fetch(URI.create("https://nowhere.example/a.png"))).hasMessageContaining("resolves to no address");
        // refused before any lookup: nothing but the resolvable names was resolved
        assertThat(resolved).containsExactly("nowhere.example");
    }

    @Test
    void anAllowListedAddressIsFetchedOverVerifiedTls() {
        assertThat(fetcher("127.0.0.1/32").fetch(server.uri("/frame.png"))).isEqualTo(PNG);
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        HttpsImageFetcher jvmTrustOnly = new HttpsImageFetcher(resolver, new TargetAddressPolicy(List.of(AddressRange.parse("127.0.0.1/32")),
                SETTING), TrustStores.context(Optional.empty(), new char[0]), 1000, Duration.ofSeconds(1));

        assertThatThrownBy(() -> jvmTrustOnly.fetch(server.uri("/frame.png"))).isInstanceOf(RemoteImageRefusedException.class)
                .hasMessageContaining("TLS");
    }

    @Test
    void redirectsAreNotFollowed() {
        assertThatThrownBy(() -> fetcher("127.0.0.1/32").fetch(server.uri("/moved.png")))
                .hasMessageContaining("redirects (HTTP 302 to https://127.0.0.1/elsewhere.png)");
    }

    @Test
    void answersLargerThanTheCapWithOrWithoutALengthAreRefused() {
        assertThatThrownBy(() -> fetcher("127.0.0.1/32").fetch(server.uri("/big.png"))).hasMessageContaining("5000 bytes")
                .hasMessageContaining("1000 bytes");
        assertThatThrownBy(() -> fetcher("127.0.0.1/32").fetch(server.uri("/unsized.png"))).hasMessageContaining("more than 1000 bytes");
    }

    @Test
    void aSlowAnswerANonImageAndAMissingOneAreRefused() {
        assertThatThrownBy(() -> fetcher("127.0.0.1/32").fetch(server.uri("/slow.png"))).hasMessageContaining("within 1000 ms");
        assertThatThrownBy(() -> fetcher("127.0.0.1/32").fetch(server.uri("/page.html"))).hasMessageContaining("not an image");
        assertThatThrownBy(() -> fetcher("127.0.0.1/32").fetch(server.uri("/missing.png"))).hasMessageContaining("HTTP 404");
    }
}
