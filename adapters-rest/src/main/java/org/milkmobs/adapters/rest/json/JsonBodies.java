package org.milkmobs.adapters.rest.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import org.milkmobs.adapters.rest.problem.BodyTooLargeException;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.PayloadTooLargeException;

/**
 * Reads a request body as a JSON tree, the one way every JSON body of the API is read. Every way a body can
 * be broken (malformed, truncated, nested deeper than any request of ours, past its size limit) becomes a
 * client error naming the place; nothing from the parser's internals reaches the client, and no stack
 * trace reaches the log.
 */
public final class JsonBodies {

    /** No request of the API nests deeper than a few levels; the parser's own limit (1,000) fails as an internal error. */
    public static final int MAX_DEPTH = 32;

    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBodies() {
    }

    /** The body's JSON value, or {@code null} for an empty body. */
    public static JsonValue read(InputStream body) {
        PushbackInputStream stream = new PushbackInputStream(body);
        try {
            int first = stream.read();
            if (first == -1) {
                return null;
            }
            stream.unread(first);
        } catch (IOException e) {
            throw unreadable(e);
        }
        // JSON between systems is UTF-8 (RFC 8259); a byte that is not is refused rather than silently replaced
        Reader text = new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonParser parser = JSON.createParser(text)) {
            JsonValue value = value(parser, parser.next());
            if (parser.hasNext()) {
                throw malformed("more than one JSON value", parser.getLocation());
            }
            return value;
        } catch (JsonParsingException e) {
            throw malformed(firstSentence(e.getMessage()), e.getLocation());
        } catch (JsonException | NoSuchElementException e) {
            throw unreadable(e);
        }
    }

    private static RuntimeException unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return new PayloadTooLargeException(tooLarge.getMessage());
            }
            if (cause instanceof CharacterCodingException) {
                return new InvalidRequestException("body", "the request body is not valid JSON: it is not UTF-8");
            }
        }
        return new InvalidRequestException("body", "the request body is not valid JSON: it ends early or could not be read");
    }

    /** Builds the tree with an explicit stack, counting depth, so a hostile body cannot exhaust ours or the parser's. */
    private static JsonValue value(JsonParser parser, JsonParser.Event first) {
        if (first != JsonParser.Event.START_ARRAY && first != JsonParser.Event.START_OBJECT) {
            return scalar(parser, first);
        }
        Deque<Object> builders = new ArrayDeque<>();
        Deque<String> keys = new ArrayDeque<>();
        builders.push(first == JsonParser.Event.START_ARRAY ? JSON.createArrayBuilder() : JSON.createObjectBuilder());
        String key = null;
        while (true) {
            JsonParser.Event event = parser.next();
            switch (event) {
                case KEY_NAME -> key = parser.getString();
                case START_ARRAY, START_OBJECT -> {
                    if (builders.size() >= MAX_DEPTH) {
                        throw malformed("the JSON nests deeper than " + MAX_DEPTH + " levels", parser.getLocation());
                    }
                    keys.push(key == null ? "" : key);
                    key = null;
                    builders.push(event == JsonParser.Event.START_ARRAY ? JSON.createArrayBuilder() : JSON.createObjectBuilder());
                }
                case END_ARRAY, END_OBJECT -> {
                    JsonValue done = build(builders.pop());
                    if (builders.isEmpty()) {
                        return done;
                    }
                    key = keys.pop();
                    add(builders.peek(), key, done);
                    key = null;
                }
                default -> {
                    add(builders.peek(), key, scalar(parser, event));
                    key = null;
                }
            }
        }
    }

    private static JsonValue scalar(JsonParser parser, JsonParser.Event event) {
        return switch (event) {
            case VALUE_STRING -> JSON.createValue(parser.getString());
            case VALUE_NUMBER -> JSON.createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw malformed("unexpected " + event, parser.getLocation());
        };
    }

    private static void add(Object builder, String key, JsonValue value) {
        if (builder instanceof JsonArrayBuilder array) {
            array.add(value);
        } else {
            ((JsonObjectBuilder) builder).add(key, value);
        }
    }

    private static JsonValue build(Object builder) {
        return builder instanceof JsonArrayBuilder array ? array.build() : ((JsonObjectBuilder) builder).build();
    }

    private static InvalidRequestException malformed(String reason, JsonLocation at) {
        String where = at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        return new InvalidRequestException("body", "the request body is not valid JSON: " + reason + where);
    }

    /** The parser's reason without its own location suffix, on one line and short (it may echo input). */
    private static String firstSentence(String message) {
        if (message == null) {
            return "malformed";
        }
        String reason = message.replaceAll("\\s+", " ").replaceAll(" at \\(line no=[^)]*\\)", "");
        return reason.length() > 120 ? reason.substring(0, 120) + "…" : reason;
    }
}
