package org.milkmobs.bootstrap.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.rest.MilkMobsApi;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The OpenAPI document is written by hand (ADR 0013), so it must not drift from the resources: every JAX-RS
 * operation is documented and nothing undocumented or stale is listed; every operation has an operationId, a
 * summary, a success response, (unless the URL itself is the credential) a 401, (if it reads a body) a 400 and
 * a 413, and examples.
 */
class OpenApiDocumentTest {

    private static final Map<Class<? extends Annotation>, String> JAX_RS_METHODS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", HEAD.class, "head");
    private static JsonNode document;

    @BeforeAll
    static void readDocument() {
        document = OpenApiDocument.file();
    }

    @Test
    void documentsExactlyTheOperationsTheResourcesServe() {
        assertThat(OpenApiDocument.operations(document)).isEqualTo(servedOperations());
    }

    @Test
    void everyOperationHasAnIdASummaryASuccessAndItsAuthenticationFailure() {
        Set<String> operationIds = new HashSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!OpenApiDocument.HTTP_METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            String name = entry.getKey() + " " + path.getKey();
            assertThat(operation.path("operationId").asText()).as(name).isNotBlank();
            assertThat(operationIds.add(operation.get("operationId").asText())).as("unique operationId of " + name).isTrue();
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            List<String> codes = new java.util.ArrayList<>();
            operation.get("responses").fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(name).anyMatch(code -> code.startsWith("2"));
            if (operation.has("requestBody")) {
                assertThat(codes).as(name + " reads a body, so it documents its refusal (400) and its size limit (413)")
                        .contains("400", "413");
            }
            boolean publicUrl = operation.has("security") && operation.get("security").isEmpty();
            if (!publicUrl) {
                assertThat(codes).as(name + " needs a token, so it documents 401").contains("401");
            }
        }));
    }

    /**
     * A reader (and Swagger UI's "Example Value") sees a realistic value for every parameter, request body and
     * success body: an example on the media type, or on the schema, or on every property it is made of.
     */
    @Test
    void everyOperationHasExamplesForItsParametersAndBodies() {
        List<String> missing = new java.util.ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!OpenApiDocument.HTTP_METHODS.contains(entry.getKey())) {
                return;
            }
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (!resolved.has("example") && !resolved.has("examples")) {
                    unexemplified(resolved.path("schema"), name + " parameter " + resolved.path("name").asText(), missing, new HashSet<>());
                }
            }
            bodies(operation.path("requestBody"), name + " request", missing);
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    bodies(resolve(response.getValue()), name + " " + response.getKey(), missing);
                }
            });
        }));
        assertThat(missing).as("places without an example").isEmpty();
    }

    private static void bodies(JsonNode owner, String where, List<String> missing) {
        resolve(owner).path("content").fields().forEachRemaining(media -> {
            if (!media.getValue().has("example") && !media.getValue().has("examples")) {
                unexemplified(media.getValue().path("schema"), where + " " + media.getKey(), missing, new HashSet<>());
            }
        });
    }

    /** Adds to {@code missing} every leaf of {@code schema} without an example (or enum, or binary content). */
    private static void unexemplified(JsonNode schema, String where, List<String> missing, Set<String> seen) {
        String ref = schema.path("$ref").asText();
        if (!ref.isEmpty() && !seen.add(ref)) {
            return;
        }
        JsonNode resolved = resolve(schema);
        String at = ref.isEmpty() ? where : where + " (" + ref.substring(ref.lastIndexOf('/') + 1) + ")";
        if (resolved.has("example") || resolved.has("enum") || "binary".equals(resolved.path("format").asText())
                || "boolean".equals(resolved.path("type").asText())) {
            return;
        }
        if (resolved.has("properties")) {
            resolved.get("properties").fields().forEachRemaining(property ->
                    unexemplified(property.getValue(), at + "." + property.getKey(), missing, seen));
        } else if (resolved.has("items")) {
            unexemplified(resolved.get("items"), at + "[]", missing, seen);
        } else if (resolved.path("additionalProperties").isObject()) {
            unexemplified(resolved.get("additionalProperties"), at + "{}", missing, seen);
        } else if (resolved.has("allOf") || resolved.has("oneOf")) {
            for (JsonNode part : resolved.has("allOf") ? resolved.get("allOf") : resolved.get("oneOf")) {
                unexemplified(part, at, missing, seen);
            }
        } else {
            missing.add(at);
        }
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.isEmpty() ? node : document.at(ref.substring(1));
    }

    @Test
    void declaresTheBearerSchemeForEveryOperation() {
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
    }

    /** Every resource method of the REST adapter, as METHOD /api/path with {parameters}. */
    private static Set<String> servedOperations() {
        String root = "/" + MilkMobsApi.class.getAnnotation(ApplicationPath.class).value().replaceAll("^/|/$", "");
        Set<String> operations = new TreeSet<>();
        for (JavaClass javaClass : new ClassFileImporter().importPackages("org.milkmobs.adapters.rest")) {
            if (!javaClass.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = javaClass.reflect();
            String base = join(root, resource.getAnnotation(Path.class).value());
            for (Method method : resource.getDeclaredMethods()) {
                JAX_RS_METHODS.forEach((annotation, name) -> {
                    if (method.isAnnotationPresent(annotation)) {
                        Path sub = method.getAnnotation(Path.class);
                        operations.add(name.toUpperCase() + " " + (sub == null ? base : join(base, sub.value())));
                    }
                });
            }
        }
        return operations;
    }

    private static String join(String base, String path) {
        String tail = path.replaceAll("^/|/$", "").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return tail.isEmpty() ? base : base + "/" + tail;
    }
}
