package org.milkmobs.adapters.openai;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code POST /v1/embeddings/video} was sent: a stored video's id, or a file, uploaded as {@code multipart/form-data} (fields
 * {@code model} and {@code file}, as OpenAI's own file uploads) or inline as a {@code data:video/…;base64,…} (or {@code audio/…}) URL in
 * the JSON field {@code file}. A file is copied to a temporary file of at most the gateway's limit; the caller deletes it.
 */
final class VideoUploads {

    private static final Pattern DATA_URL = Pattern.compile("data:(video|audio|application)/[A-Za-z0-9.+-]+;base64,(.*)", Pattern.DOTALL);

    private VideoUploads() {
    }

    /** Either a stored video or an uploaded file, with the model asked for. */
    record Request(String model, Optional<String> videoId, Optional<Path> file) implements AutoCloseable {
        @Override
        public void close() {
            file.ifPresent(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a temporary file; the operating system's cleaning takes it
                }
            });
        }
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    static Request multipart(HttpServletRequest request, long maxBytes) throws IOException {
        Part model;
        Part file;
        try {
            model = request.getPart("model");
            file = request.getPart("file");
        } catch (IllegalStateException tooLarge) {
            throw tooLarge(maxBytes);
        } catch (ServletException e) {
            throw GatewayRequestException.invalid("file", "the multipart body cannot be read: " + e.getMessage());
        }
        if (model == null) {
            throw GatewayRequestException.invalid("model", "model is required: a form field naming the embedding model");
        }
        String modelName = new String(model.getInputStream().readNBytes(200), StandardCharsets.UTF_8).strip();
        if (modelName.isEmpty()) {
            throw GatewayRequestException.invalid("model", "model is required: a form field naming the embedding model");
        }
        if (file == null) {
            throw GatewayRequestException.invalid("file", "file is required: a form field with the video or audio file");
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = file.getInputStream()) {
            return new Request(modelName, Optional.empty(), Optional.of(copy(in, maxBytes)));
        }
    }

    static Request json(JsonObject body, long maxBytes) {
        String model = RequestJson.requiredString(body, "model");
        boolean video = body.containsKey("video_id") && !body.isNull("video_id");
        boolean file = body.containsKey("file") && !body.isNull("file");
        if (video == file) {
            throw GatewayRequestException.invalid(null, "send either video_id (a Milk Mobs video) or file (a data:video/…;base64,… URL, or the"
                    + " file itself as multipart/form-data)");
        }
        if (video) {
            return new Request(model, Optional.of(RequestJson.requiredString(body, "video_id")), Optional.empty());
        }
        if (!(body.get("file") instanceof JsonString url)) {
            throw GatewayRequestException.invalid("file", "file is a data:video/…;base64,… or data:audio/…;base64,… URL");
        }
        Matcher data = DATA_URL.matcher(url.getString());
        if (!data.matches()) {
            throw GatewayRequestException.invalid("file", "file is a data:video/…;base64,… or data:audio/…;base64,… URL (or upload the file"
                    + " itself as multipart/form-data)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(data.group(2));
        } catch (IllegalArgumentException e) {
            throw GatewayRequestException.invalid("file", "the file's data URL is not valid base64");
        }
        return new Request(model, Optional.empty(), Optional.of(copy(new java.io.ByteArrayInputStream(bytes), maxBytes)));
    }

    /** At most {@code maxBytes} of {@code in}, in a temporary file. */
    private static Path copy(InputStream in, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile("milkmobs-gateway-", ".upload");
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    copied += n;
                    if (copied > maxBytes) {
                        throw tooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return file;
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private static GatewayRequestException tooLarge(long maxBytes) {
        return GatewayRequestException.invalid("file", "the file is larger than this gateway takes: at most " + maxBytes + " bytes");
    }
}
