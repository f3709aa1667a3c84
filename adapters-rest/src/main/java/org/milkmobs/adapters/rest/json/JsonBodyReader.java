package org.milkmobs.adapters.rest.json;

import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.Problem;

/**
 * Reads every JSON request body the API binds (request records and JSON-P values): parsed by
 * {@link JsonBodies}, checked against the target type by {@link JsonShape}, then bound. So every refusal of
 * a body is a client error in the API's words, and a JSON-B or JSON-P failure that still reaches the
 * problem mappers comes from writing a response: ours, a 500 with an incident id.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
// ahead of the runtime's JSON-B reader, which reads the same types: without a rank the two tie, and which one
// Jersey picks followed the order the WAR's classes were found in (one build answered 500 for a mistyped field)
@Priority(Priorities.USER - 1000)
public class JsonBodyReader implements MessageBodyReader<Object> {

    private static final Logger LOG = Logger.getLogger(JsonBodyReader.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Request records; a resource that wants a JSON-P value reads its stream with {@link JsonBodies} (the runtime's JSON-P reader wins those). */
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        return read(entityStream, type, genericType);
    }

    /** A body bound to {@code type} as a resource's request record is, for code that reads a stream itself. */
    public static <T> T bind(InputStream body, Class<T> type) {
        return type.cast(read(body, type, type));
    }

    /** A JSON object already read (such as a media upload's body) bound to {@code type}, checked as a request body is. */
    public static <T> T bind(JsonValue tree, Class<T> type) {
        return type.cast(bind(tree, type, type));
    }

    static Object read(InputStream body, Class<?> type, Type genericType) {
        return bind(JsonBodies.read(body), type, genericType);
    }

    private static Object bind(JsonValue tree, Class<?> type, Type genericType) {
        if (tree == null || tree.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        List<Problem.FieldError> errors = JsonShape.check(tree, genericType);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (JsonValue.class.isAssignableFrom(type)) {
            if (!type.isInstance(tree)) {
                throw new InvalidRequestException("body", "the request body must be a JSON " + (type == jakarta.json.JsonArray.class ? "array" : "object"));
            }
            return tree;
        }
        try {
            return JSONB.fromJson(tree.toString(), genericType);
        } catch (JsonbException e) {
            // the shape was checked, so this is a value the binder cannot hold; its reason names our classes
            LOG.log(Level.FINE, "binding a checked body failed", e);
            throw new InvalidRequestException("body", "the request body has a value this endpoint cannot take");
        }
    }
}
