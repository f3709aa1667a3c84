package org.milkmobs.bootstrap.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

/** Reads OpenAPI documents for the tests that hold the API to its contract. */
public final class OpenApiDocument {

    public static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "head");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private OpenApiDocument() {
    }

    /** The hand-written document the WAR serves and the client is generated from. */
    public static JsonNode file() {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document as served (YAML, of which JSON is a subset). */
    public static JsonNode parse(String document) {
        try {
            return YAML.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation as {@code METHOD /path}. */
    public static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (HTTP_METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    public static Set<String> operationIds(JsonNode document) {
        Set<String> ids = new TreeSet<>();
        document.get("paths").forEach(path -> path.fields().forEachRemaining(operation -> {
            if (HTTP_METHODS.contains(operation.getKey())) {
                ids.add(operation.getValue().path("operationId").asText());
            }
        }));
        return ids;
    }
}
