package org.milkmobs.adapters.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.milkmobs.application.port.out.gateway.RemoteImageRefusedException;
import org.milkmobs.application.port.out.gateway.RemoteImages;
import org.milkmobs.application.port.out.events.AddressResolver;
import org.milkmobs.domain.events.TargetAddressPolicy;

/**
 * Fetches a gateway client's image URL without letting the client reach inside the network: {@code https} only;
 * the host resolved and every address checked ({@link TargetAddressPolicy}: no loopback, private, link-local,
 * multicast… unless allow-listed); the connection made to the address that was checked, so a second DNS answer
 * cannot swap it (DNS rebinding), with TLS verifying the certificate against the URL's host; no redirect
 * followed; at most {@code maxBytes} read; all within {@code timeout}.
 *
 * <p>The request is HTTP/1.0 ({@code Connection: close}), so the answer is delimited by its length or the end of
 * the connection and never chunked: a GET of one file needs nothing more, and the JDK's HTTP client offers no way
 * to connect to an address chosen beforehand.
 */
public final class HttpsImageFetcher implements RemoteImages {

    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final AddressResolver resolver;
    private final TargetAddressPolicy policy;
    private final SSLContext tls;
    private final int maxBytes;
    private final Duration timeout;

    public HttpsImageFetcher(AddressResolver resolver, TargetAddressPolicy policy, SSLContext tls, int maxBytes, Duration timeout) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tls = Objects.requireNonNull(tls, "tls");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes is at least 1");
        }
        this.maxBytes = maxBytes;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public byte[] fetch(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw refused("only https image URLs are fetched, not " + url.getScheme() + "://; or send the image inline as a"
                    + " data:image/…;base64,… URL");
        }
        if (url.getRawUserInfo() != null) {
            throw refused("an image URL may not carry user information (user:password@)");
        }
        if (url.getHost() == null) {
            throw refused("the image URL names no host");
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
        List<InetAddress> addresses = resolver.resolve(host);
        policy.refusal(host, addresses).ifPresent(reason -> {
            throw refused("the image URL is not fetched: " + reason);
        });
        int port = url.getPort() == -1 ? 443 : url.getPort();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(addresses.get(0), port), remainingMillis(deadline));
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!literal(host)) {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                }
                socket.setSSLParameters(parameters);
                socket.setSoTimeout(remainingMillis(deadline));
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                out.write(("GET " + path + " HTTP/1.0\r\nHost: " + url.getHost() + (url.getPort() == -1 ? "" : ":" + port)
                        + "\r\nUser-Agent: MilkMobs-Gateway/1\r\nAccept: image/*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return answer(new BufferedInputStream(socket.getInputStream()), socket, deadline);
            }
        } catch (SocketTimeoutException e) {
            throw refused("the image URL gave no complete answer within " + timeout.toMillis() + " ms");
        } catch (SSLException e) {
            throw refused("the image URL's TLS connection failed (is its certificate valid for " + host + "?): " + e.getMessage());
        } catch (IOException e) {
            throw refused("the image URL could not be fetched: " + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()));
        }
    }

    private byte[] answer(InputStream in, Socket socket, long deadline) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw refused("the image URL did not answer in HTTP");
        }
        int code = Integer.parseInt(parts[1]);
        Map<String, String> headers = new HashMap<>();
        int headerBytes = status.length();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            headerBytes += header.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw refused("the image URL's answer has more than " + MAX_HEADER_BYTES + " bytes of headers");
            }
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        if (code >= 300 && code < 400) {
            throw refused("the image URL redirects (HTTP " + code + (headers.containsKey("location") ? " to " + headers.get("location") : "")
                    + "), and redirects are not followed: name the image's own https URL");
        }
        if (code != 200) {
            throw refused("the image URL answered HTTP " + code);
        }
        String type = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.startsWith("image/") && !type.startsWith("application/octet-stream")) {
            throw refused("the image URL's answer is not an image (Content-Type " + type + ")");
        }
        if (headers.containsKey("transfer-encoding")) {
            throw refused("the image URL answered an HTTP/1.0 request with Transfer-Encoding " + headers.get("transfer-encoding"));
        }
        long length = -1;
        if (headers.containsKey("content-length")) {
            try {
                length = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw refused("the image URL's answer has an invalid Content-Length");
            }
            if (length > maxBytes) {
                throw refused(tooLarge(length + " bytes"));
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (length < 0 || body.size() < length) {
            socket.setSoTimeout(remainingMillis(deadline));
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, length < 0 ? buffer.length : length - body.size()));
            if (read < 0) {
                break;
            }
            body.write(buffer, 0, read);
            if (body.size() > maxBytes) {
                throw refused(tooLarge("more than " + maxBytes + " bytes"));
            }
        }
        if (length >= 0 && body.size() < length) {
            throw refused("the image URL's answer ended after " + body.size() + " of its " + length + " bytes");
        }
        if (body.size() == 0) {
            throw refused("the image URL's answer is empty");
        }
        return body.toByteArray();
    }

    private String tooLarge(String size) {
        return "the image is " + size + ", more than the " + maxBytes + " bytes this gateway fetches";
    }

    /** One header line, without its CR LF. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw refused("the image URL's answer ended inside its headers");
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw refused("the image URL's answer has a header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static boolean literal(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static RemoteImageRefusedException refused(String message) {
        return new RemoteImageRefusedException(message);
    }
}
