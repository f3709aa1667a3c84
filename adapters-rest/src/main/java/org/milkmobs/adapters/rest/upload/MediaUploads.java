package org.milkmobs.adapters.rest.upload;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.adapters.rest.json.JsonBodies;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.PayloadTooLargeException;
import org.milkmobs.adapters.rest.problem.ProblemMappers;
import org.milkmobs.adapters.rest.support.BodyLimitFeature;

/**
 * The one reader of media uploads: every resource that takes a file (image and audio searches, the composed search, a
 * campaign's reference image) reads it here, as multipart or as JSON base64, with the same cap, the same 413 beyond it
 * and the same 400s for a missing, empty or undecodable file.
 */
public final class MediaUploads {

    private static final GenericType<List<EntityPart>> PARTS = new GenericType<>() {
    };
    private static final int MAX_TEXT_FIELD_BYTES = 64 * 1024;

    private MediaUploads() {
    }

    /** A multipart/form-data body (file part {@code part}, at most {@code maxBytes}) or a JSON object carrying it in base64. */
    public static MediaUpload read(InputStream body, HttpHeaders headers, Providers providers, String part, int maxBytes) {
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return multipart(body, headers, providers, type, part, maxBytes);
        }
        return new MediaUpload.Json(requiredObject(body), part, maxBytes);
    }

    /** A file sent in base64 (RFC 4648, standard alphabet, line breaks allowed), at most {@code maxBytes} decoded. */
    public static byte[] base64(String field, String text, int maxBytes) {
        byte[] file;
        try {
            file = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, field + " must be base64 (RFC 4648, standard alphabet)");
        }
        return checkedSize(file, field, maxBytes);
    }

    /** A JSON object body; an absent or {@code null} body, or another kind of JSON, is the client's error. */
    public static JsonObject requiredObject(InputStream body) {
        JsonValue value = JsonBodies.read(body);
        if (value != null && value.getValueType() != JsonValue.ValueType.OBJECT && value.getValueType() != JsonValue.ValueType.NULL) {
            throw new InvalidRequestException("body", "the request body must be a JSON object");
        }
        if (!(value instanceof JsonObject object)) {
            throw new InvalidRequestException("body", "a JSON body is required");
        }
        return object;
    }

    private static MediaUpload multipart(InputStream body, HttpHeaders headers, Providers providers, MediaType type, String part,
                                         int maxBytes) {
        List<EntityPart> parts = readParts(body, headers, providers, type);
        byte[] file = null;
        Map<String, List<String>> values = new LinkedHashMap<>();
        try {
            for (EntityPart entity : parts) {
                if (entity.getName().equals(part)) {
                    if (file != null) {
                        throw new InvalidRequestException(part, "only one " + part + " part is taken");
                    }
                    file = checkedSize(readAtMost(entity.getContent(), maxBytes + 1L), part, maxBytes);
                } else {
                    values.computeIfAbsent(entity.getName(), n -> new ArrayList<>())
                            .add(new String(readAtMost(entity.getContent(), MAX_TEXT_FIELD_BYTES), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        return new MediaUpload.Multipart(Optional.ofNullable(file), values, part);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<EntityPart> readParts(InputStream body, HttpHeaders headers, Providers providers, MediaType type) {
        MessageBodyReader<List> reader = providers.getMessageBodyReader(List.class, PARTS.getType(), new Annotation[0], type);
        if (reader == null) {
            throw new IllegalStateException("the JAX-RS runtime has no multipart reader");
        }
        try {
            return reader.readFrom(List.class, PARTS.getType(), new Annotation[0], type, headers.getRequestHeaders(), body);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** A multipart body the reader could not take apart is the client's; one that passed its limit is a 413 (found by the mappers). */
    private static RuntimeException unreadable(Exception e) {
        if (ProblemMappers.bodyTooLarge(e) != null) {
            return e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
        return new InvalidRequestException("body", "the multipart body could not be read; send multipart/form-data with its boundary");
    }

    private static byte[] checkedSize(byte[] file, String name, int maxBytes) {
        if (file.length > maxBytes) {
            throw new PayloadTooLargeException(name + " must have at most " + BodyLimitFeature.describe(maxBytes));
        }
        if (file.length == 0) {
            throw new InvalidRequestException(name, name + " is empty");
        }
        return file;
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max));
    }
}
