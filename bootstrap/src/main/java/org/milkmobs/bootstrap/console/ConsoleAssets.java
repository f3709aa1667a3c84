package org.milkmobs.bootstrap.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the console's page, script and stylesheet gzip-compressed to browsers that accept it, from the {@code .gz}
 * siblings the console build writes next to each file (compressed once at build time, at the best level, instead of
 * on every request). Others fall through to the container's default servlet, which serves the plain files. Both
 * answers carry {@code Vary: Accept-Encoding}; the compressed one an ETag, so a reload revalidates with a 304.
 */
@WebFilter(urlPatterns = {"", "/index.html", "/console/*"})
public class ConsoleAssets extends HttpFilter {

    private static final Set<String> COMPRESSED_TYPES = Set.of(".html", ".js", ".css");

    private final Map<String, Optional<Compressed>> assets = new ConcurrentHashMap<>();

    private record Compressed(byte[] bytes, String contentType, String etag) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Vary", "Accept-Encoding");
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        Optional<Compressed> asset = read && acceptsGzip(request.getHeader("Accept-Encoding"))
                ? assets.computeIfAbsent(path(request), this::load) : Optional.empty();
        if (asset.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Compressed compressed = asset.get();
        response.setHeader("ETag", compressed.etag());
        response.setHeader("Cache-Control", "no-cache");
        if (compressed.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(compressed.contentType());
        response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(compressed.bytes().length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(compressed.bytes());
        }
    }

    private static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() || path.equals("/") ? "/index.html" : path;
    }

    private Optional<Compressed> load(String path) {
        if (!COMPRESSED_TYPES.contains(path.substring(Math.max(0, path.lastIndexOf('.'))))) {
            return Optional.empty();
        }
        // the type the default servlet gives the plain file, so both answers describe the same document
        String contentType = getServletContext().getMimeType(path);
        try (InputStream in = getServletContext().getResourceAsStream(path + ".gz")) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Compressed(bytes, contentType, "\"" + sha256(bytes).substring(0, 20) + "-gz\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the header names gzip (or any coding) without refusing it with a zero quality value. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if ((name.equals("gzip") || name.equals("*")) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim()) <= 0;
                } catch (NumberFormatException malformed) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
