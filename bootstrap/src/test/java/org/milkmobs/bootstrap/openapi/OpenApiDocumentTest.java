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
 * summary, a success response and (unless the URL itself is the credential) a 401.
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
            boolean publicUrl = operation.has("security") && operation.get("security").isEmpty();
            if (!publicUrl) {
                assertThat(codes).as(name + " needs a token, so it documents 401").contains("401");
            }
        }));
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
