package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.bootstrap.openapi.OpenApiDocument;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * The standing hostile client: walks every operation of the OpenAPI document and, for each parameter and body
 * field, sends values a careless or hostile client would (wrong types, boundaries, empty, huge, deep nesting,
 * invalid UTF-8, unicode tricks, injection strings, bogus ids and cursors, unknown fields), plus no token, a
 * forged token and another user's token. Every answer must be below 500, a refusal must be problem+json with a
 * useful detail and no internal names, a batch of refusals must change nothing, and the service must be healthy
 * afterwards. Operations come from the document, so a new one is covered without editing this test.
 */
@ExtendWith(SystemTestServer.class)
class HostileClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER = "hostile-owner";
    private static final List<String> INTERNAL_NAMES = List.of("org.milkmobs", "java.", "jakarta.", "Exception", "\tat ", "fish.payara",
            "org.eclipse", "org.glassfish", "org.hibernate", "org.postgresql", "SQLState");

    private static final AtomicInteger CONTAINER_REFUSALS = new AtomicInteger();

    private static MilkMobsServer server;
    private static ApiClient owner;
    private static ApiClient other;
    private static ApiClient admin;
    private static String video;
    private static String grant;
    private static jakarta.json.JsonObject campaign;

    @BeforeAll
    static void aVideoOfTheOwner(MilkMobsServer running) {
        server = running;
        owner = server.as(server.tokens().consumer(OWNER));
        other = server.as(server.tokens().consumer("hostile-other"));
        admin = server.as(server.tokens().admin("hostile-admin"));
        jakarta.json.JsonObject submitted = new Uploads(owner).submit("hostile target", List.of("#hostile"));
        video = submitted.getString("videoId");
        grant = submitted.getJsonObject("upload").getString("url").replaceAll(".*/api/blobs/", "");
        campaign = admin.get("/api/admin/campaign").json();
    }

    /**
     * A bad value for one field beside valid ones may be taken where the schema allows it (a free-text reference name,
     * a cosine within bounds): the campaign goes back to what it was, so later tests validate as before.
     */
    @AfterAll
    static void restoreTheCampaign() {
        assertThat(admin.putJson("/api/admin/campaign", campaign.toString()).status()).isEqualTo(200);
        List<jakarta.json.JsonValue> before = campaign.getJsonArray("references");
        for (jakarta.json.JsonValue reference : admin.get("/api/admin/campaign").json().getJsonArray("references")) {
            if (!before.contains(reference)) {
                String source = ((jakarta.json.JsonString) reference).getString();
                admin.delete("/api/admin/campaign/references/" + URLEncoder.encode(source, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        assertThat(admin.get("/api/admin/campaign").json()).isEqualTo(campaign);
    }

    @Test
    void everyOperationRefusesEveryBadValueCleanlyAndChangesNothing() {
        JsonNode document = OpenApiDocument.file();
        List<String> failures = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        long started = System.nanoTime();

        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!OpenApiDocument.HTTP_METHODS.contains(entry.getKey())) {
                return;
            }
            Operation operation = new Operation(document, path.getKey(), entry.getKey().toUpperCase(), path.getValue(), entry.getValue());
            String before = snapshot();
            boolean anyAccepted = false;
            for (Attempt attempt : operation.attempts()) {
                ApiResponse response = attempt.client().send(attempt.request());
                sent.incrementAndGet();
                statuses.merge(response.status(), 1, Integer::sum);
                anyAccepted |= response.status() < 400;
                check(operation, attempt, response, failures);
            }
            String after = snapshot();
            if (!anyAccepted && !before.equals(after)) {
                failures.add(operation + ": refused requests changed the state\n  before " + before + "\n  after  " + after);
            }
        }));

        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf("hostile client: %d requests in %d s; statuses %s; %d refused by the HTTP layer before the application%n",
                sent.get(), seconds, statuses, CONTAINER_REFUSALS.get());
        failures.forEach(failure -> System.out.println("hostile client: " + failure));
        assertThat(failures).as("%d of %d requests misbehaved", failures.size(), sent.get()).isEmpty();
        assertThat(server.anonymous().get("/health/ready").status()).isEqualTo(200);
        assertThat(owner.get("/api/videos/" + video).status()).as("the owner's video is intact").isEqualTo(200);
    }

    private static void check(Operation operation, Attempt attempt, ApiResponse response, List<String> failures) {
        String what = operation + " " + attempt.description() + " -> " + response.status();
        String body = response.body() == null ? "" : response.body();
        if (response.status() >= 500) {
            failures.add(what + " (server error) " + abbreviate(body));
            return;
        }
        if (attempt.mustBeRefused() && response.status() < 400) {
            failures.add(what + " (should have been refused) " + abbreviate(body));
        }
        if (response.status() < 400 || operation.method().equals("HEAD")) {
            return;
        }
        if (attempt.description().startsWith("path ") && response.status() == 400 && body.isEmpty()
                && (attempt.description().contains("/") || attempt.description().contains("?"))) {
            // Grizzly refuses an encoded '/' or NUL in a path before any application code (noted, not ours to shape)
            CONTAINER_REFUSALS.incrementAndGet();
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            failures.add(what + " (not problem+json: " + response.contentType() + ") " + abbreviate(body));
            return;
        }
        for (String internal : INTERNAL_NAMES) {
            if (body.contains(internal)) {
                failures.add(what + " (reveals '" + internal + "') " + abbreviate(body));
                return;
            }
        }
        String detail = response.json().getString("detail", "");
        if (detail.isBlank() || detail.startsWith("HTTP ")) {
            failures.add(what + " (no useful detail) " + abbreviate(body));
        }
    }

    /** What a refused request must leave alone: the owner's videos, every video id, the campaign, the ceilings, the queues' pauses. */
    private static String snapshot() {
        String videos = owner.get("/api/videos/user?userId=" + OWNER + "&limit=100").body().replaceAll("\"(thumbnailUrl|playbackUrl|url)\":\"[^\"]*\"", "");
        String all = admin.get("/api/admin/videos?limit=100").body().replaceAll(".*?\"videoId\":\"([^\"]+)\"|[^\"]*$", "$1 ");
        String campaign = admin.get("/api/admin/campaign").body();
        String limits = admin.get("/api/admin/budget").json().get("limits").toString();
        String paused = admin.get("/api/admin/queues").body().replaceAll(".*?(\"step\":\"[^\"]+\"|\"paused\":\\w+)|[^\"]*$", "$1 ");
        return String.join(" | ", videos, all, campaign, limits, paused);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** One request to send and whether it must be refused. */
    private record Attempt(String description, ApiClient client, HttpRequest.Builder request, boolean mustBeRefused) {
    }

    /** An operation of the document and the hostile requests made for it. */
    private record Operation(JsonNode document, String template, String method, JsonNode pathItem, JsonNode spec) {

        @Override
        public String toString() {
            return method + " " + template;
        }

        boolean admin() {
            return template.startsWith("/api/admin");
        }

        boolean signedUrl() {
            return template.startsWith("/api/blobs");
        }

        /** Documented as needing no token ({@code security: []}); a token that is sent must still be valid. */
        boolean open() {
            return spec.has("security") && spec.get("security").isEmpty();
        }

        /**
         * Who sends the bad values: a fresh token per request, so per-user rate limits do not hide what the operation
         * does with them; an admin where the owner's video is named (admins see every video), the owner where a user is.
         */
        ApiClient caller() {
            if (template.contains("{userId}") || parameters().stream().anyMatch(p -> p.path("name").asText().equals("userId"))) {
                return owner;
            }
            boolean namesVideo = parameters().stream().anyMatch(p -> p.path("name").asText().equals("videoId"));
            String subject = "hostile-" + UUID.randomUUID();
            return admin() || namesVideo ? server.as(server.tokens().admin(subject)) : server.as(server.tokens().consumer(subject));
        }

        List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(p -> parameters.add(resolve(p)));
            spec.path("parameters").forEach(p -> parameters.add(resolve(p)));
            return parameters;
        }

        JsonNode resolve(JsonNode node) {
            JsonNode resolved = node;
            while (resolved.has("$ref")) {
                JsonNode target = document;
                for (String part : resolved.get("$ref").asText().substring(2).split("/")) {
                    target = target.path(part);
                }
                resolved = target;
            }
            return resolved;
        }

        /** A value the server should take, so that one bad value at a time is what it sees. */
        String validValue(JsonNode parameter) {
            String name = parameter.path("name").asText();
            if (name.equals("videoId")) {
                // a destructive operation gets a well-formed id of nothing, never the owner's video
                return method.equals("DELETE") ? UUID.randomUUID().toString() : video;
            }
            if (name.equals("grant")) {
                return grant;
            }
            if (name.equals("userId")) {
                return OWNER;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            if (parameter.has("example")) {
                return parameter.get("example").asText();
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asText();
            }
            if (schema.has("default")) {
                return schema.get("default").asText();
            }
            return schema.path("type").asText().equals("integer") ? "1" : "x";
        }

        List<Attempt> attempts() {
            List<Attempt> attempts = new ArrayList<>();
            Map<String, String> valid = new LinkedHashMap<>();
            List<JsonNode> parameters = parameters();
            for (JsonNode parameter : parameters) {
                if (parameter.path("in").asText().equals("path") || parameter.path("required").asBoolean()) {
                    valid.put(parameter.path("name").asText(), validValue(parameter));
                }
            }
            // one bad value per parameter (path, query, header), the others valid
            for (JsonNode parameter : parameters) {
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                for (String bad : BadValues.forParameter(resolve(parameter.path("schema")))) {
                    Map<String, String> values = new LinkedHashMap<>(valid);
                    HttpRequest.Builder request;
                    ApiClient client = caller();
                    if (in.equals("header")) {
                        String header = bad.replaceAll("[\\r\\n\\x00-\\x1f\\x7f-\\x{10ffff}]", "?");
                        request = build(client, values, jsonBodyOrNone()).header(name, header.isEmpty() ? " " : header);
                    } else {
                        values.put(name, bad);
                        request = build(client, values, jsonBodyOrNone());
                    }
                    attempts.add(new Attempt(in + " " + name + "=" + shorten(bad), client, request, mustRefuse(parameter, bad)));
                }
            }
            // one bad value per body field, then bodies that are broken as a whole
            JsonNode schema = jsonBodySchema();
            if (schema != null) {
                ObjectNode example = example(schema);
                for (Map.Entry<String, JsonNode> field : properties(schema).entrySet()) {
                    JsonNode fieldSchema = resolve(field.getValue());
                    for (String bad : BadValues.forField(fieldSchema)) {
                        ObjectNode without = example.deepCopy();
                        without.remove(field.getKey());
                        String body = splice(without, field.getKey(), bad);
                        ApiClient client = caller();
                        attempts.add(new Attempt("body." + field.getKey() + "=" + shorten(bad), client,
                                build(client, valid, bytes(body)).setHeader("Content-Type", "application/json"), !BadValues.mayBeTaken(fieldSchema, bad)));
                    }
                }
                for (Map.Entry<String, byte[]> broken : BadValues.wholeBodies(example.toString()).entrySet()) {
                    ApiClient client = caller();
                    attempts.add(new Attempt("body " + broken.getKey(), client,
                            build(client, valid, broken.getValue()).setHeader("Content-Type", "application/json"), true));
                }
            }
            if (spec.path("requestBody").path("content").has("multipart/form-data")) {
                attempts.add(attempt("multipart without boundary", caller(), valid, bytes("--x\r\n\r\nnope"), "multipart/form-data", true));
                attempts.add(attempt("multipart garbage", caller(), valid, bytes("garbage\r\n--b--"), "multipart/form-data; boundary=b", true));
            }
            if (spec.path("requestBody").path("content").has("application/json")) {
                attempts.add(attempt("wrong content type", caller(), valid, bytes("<xml/>"), "application/xml", true));
            }
            // who is calling
            if (!signedUrl()) {
                byte[] body = jsonBodyOrNone();
                attempts.add(attempt("no token", server.anonymous(), valid, body, null, !open()));
                attempts.add(attempt("forged token", server.as(server.tokens().forged(OWNER)), valid, body, null, true));
                attempts.add(attempt("garbage token", server.as("not.a.jwt"), valid, body, null, true));
                boolean othersMayCall = !admin() && !valid.containsKey("videoId") && !valid.containsKey("userId");
                attempts.add(attempt("another user's token", admin() ? owner : other, valid, body, null, !othersMayCall));
            }
            return attempts;
        }

        /**
         * A value that breaks the parameter's schema must be refused; one that fits it (an unknown but well-formed id,
         * free text, an empty optional filter) may be taken. Headers are advisory.
         */
        private boolean mustRefuse(JsonNode parameter, String value) {
            boolean blank = value.strip().isEmpty();
            if (parameter.path("in").asText().equals("header") || (blank && !parameter.path("required").asBoolean())
                    || (value.isEmpty() && parameter.path("in").asText().equals("path"))) {
                return false; // advisory, absent, or (an empty path segment) another operation's path
            }
            return !BadValues.conforms(resolve(parameter.path("schema")), value);
        }

        private byte[] jsonBodyOrNone() {
            JsonNode schema = jsonBodySchema();
            if (schema == null) {
                return spec.has("requestBody") ? new byte[0] : null;
            }
            // a valid body plus a refused marker: a request that gets past its parameters must still change nothing
            ObjectNode example = example(schema);
            return bytes(splice(example, "__hostile__", "[" + "[".repeat(100) + "]".repeat(100) + "]"));
        }

        private JsonNode jsonBodySchema() {
            JsonNode content = resolve(spec.path("requestBody")).path("content").path("application/json");
            return content.isMissingNode() ? null : resolve(content.path("schema"));
        }

        private Map<String, JsonNode> properties(JsonNode schema) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
            return properties;
        }

        /** The schema's own example, else one built from its properties' examples. */
        private ObjectNode example(JsonNode schema) {
            if (schema.path("example").isObject()) {
                return (ObjectNode) schema.get("example").deepCopy();
            }
            ObjectNode example = JSON.createObjectNode();
            properties(schema).forEach((name, property) -> {
                JsonNode resolved = resolve(property);
                if (resolved.has("example")) {
                    example.set(name, resolved.get("example"));
                } else if (resolved.path("type").asText().equals("object") || resolved.has("properties")) {
                    example.set(name, example(resolved));
                }
            });
            return example;
        }

        private Attempt attempt(String description, ApiClient client, Map<String, String> values, byte[] body, String contentType,
                                boolean mustBeRefused) {
            HttpRequest.Builder request = build(client, values, body);
            if (contentType != null) {
                request.setHeader("Content-Type", contentType);
            }
            return new Attempt(description, client, request, mustBeRefused);
        }

        private HttpRequest.Builder build(ApiClient client, Map<String, String> values, byte[] body) {
            String path = template;
            StringBuilder query = new StringBuilder();
            for (Map.Entry<String, String> value : values.entrySet()) {
                String encoded = URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
                if (path.contains("{" + value.getKey() + "}")) {
                    path = path.replace("{" + value.getKey() + "}", encoded);
                } else if (isQuery(value.getKey())) {
                    query.append(query.length() == 0 ? "?" : "&").append(value.getKey()).append('=').append(encoded);
                }
            }
            HttpRequest.Builder request = client.request(path + query);
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
            request.method(method, method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : publisher);
            if (body != null && !method.equals("GET")) {
                request.setHeader("Content-Type", "application/json");
            }
            return request;
        }

        private boolean isQuery(String name) {
            return parameters().stream().anyMatch(p -> p.path("name").asText().equals(name) && p.path("in").asText().equals("query"));
        }
    }

    /** The JSON object with one more member, its value raw JSON text (which may be broken on purpose). */
    private static String splice(ObjectNode object, String field, String rawValue) {
        String rest = object.toString().substring(1);
        return "{" + JSON.valueToTree(field).toString() + ":" + rawValue + (rest.equals("}") ? "" : ",") + rest;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String value) {
        String flat = value.replaceAll("[\\p{Cntrl}]", "?");
        return flat.length() > 40 ? flat.substring(0, 40) + "…(" + value.length() + ")" : flat;
    }

    /** The hostile values, by the schema type they are sent against. */
    static final class BadValues {

        private static final String HUGE = "x".repeat(100_000);
        private static final List<String> TRICKY_TEXT = List.of("", " ", "\u200b\u200b", "\ufeff", "\u202etxt.exe", "\u0000",
                "' OR '1'='1' --", "\"; DROP TABLE video; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
                "../../../../etc/passwd", "%00", "%ff%fe", "null", "-1", "0", "99999999999999999999999", "1e309", "NaN",
                "\ud83d\udc04\u0301\u0301\u0301", UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
                "eyJyIjoiJyBPUiAxPTEifQ", "not-a-cursor!!", HUGE.substring(0, 5000));

        private BadValues() {
        }

        static List<String> forParameter(JsonNode schema) {
            List<String> values = new ArrayList<>(TRICKY_TEXT);
            if (schema.path("type").asText().equals("integer") || schema.path("type").asText().equals("number")) {
                values.addAll(List.of("abc", "1.5", "-2147483649", "2147483648", "0x10", "1,2"));
            }
            return values;
        }

        /** Whether a parameter value fits its schema (type, format, enum, bounds, length). */
        static boolean conforms(JsonNode schema, String value) {
            if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
                return false;
            }
            if (schema.has("enum")) {
                for (JsonNode allowed : schema.get("enum")) {
                    if (allowed.asText().equalsIgnoreCase(value.strip())) {
                        return true;
                    }
                }
                return false;
            }
            String type = schema.path("type").asText();
            try {
                if (type.equals("integer") || type.equals("number")) {
                    java.math.BigDecimal number = new java.math.BigDecimal(value.strip());
                    if (type.equals("integer") && number.stripTrailingZeros().scale() > 0) {
                        return false;
                    }
                    return (!schema.has("minimum") || number.compareTo(schema.get("minimum").decimalValue()) >= 0)
                            && (!schema.has("maximum") || number.compareTo(schema.get("maximum").decimalValue()) <= 0)
                            && (!schema.path("format").asText().equals("int64") || number.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0)
                            && (!schema.path("format").asText().equals("int32") || number.abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0);
                }
                return switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.fromString(value).toString().equalsIgnoreCase(value);
                    case "date-time" -> java.time.OffsetDateTime.parse(value) != null;
                    default -> value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
                };
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** A value a field may take: any for a read-only field, a number within its bounds, a free-text string that fits. */
        static boolean mayBeTaken(JsonNode schema, String rawJson) {
            if (schema.path("readOnly").asBoolean()) {
                return true;
            }
            String type = schema.path("type").asText();
            if ((type.equals("number") || type.equals("integer")) && rawJson.matches("-?[0-9][0-9.eE+-]*")) {
                return conforms(schema, rawJson);
            }
            return fitsString(schema, rawJson);
        }

        /** A JSON string a free-text field may take (within its length, without control characters). */
        static boolean fitsString(JsonNode schema, String rawJson) {
            if (!schema.path("type").asText().equals("string") || schema.has("enum") || schema.has("format") || schema.has("pattern")
                    || !rawJson.startsWith("\"") || rawJson.contains("\\u0000")) {
                return false;
            }
            return !schema.has("maxLength") || rawJson.length() - 2 <= schema.get("maxLength").asInt();
        }

        static List<String> forField(JsonNode schema) {
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
            List<String> values = new ArrayList<>(List.of("{\"$gt\":\"\"}", "[" + "[".repeat(64) + "]".repeat(64) + "]"));
            switch (type) {
                case "string" -> values.addAll(List.of("12345", "true", "[\"a\"]", "\"" + HUGE.repeat(3) + "\"",
                        "\"\\u0000\\u202e\"", "\"\\ud800\"", "\"' OR 1=1 --\""));
                case "integer", "number" -> values.addAll(List.of("\"12\"", "true", "1e400", "-1e400", "123456789012345678901234567890",
                        "-0.5", "[1]"));
                case "boolean" -> values.addAll(List.of("\"true\"", "1", "[]"));
                case "array" -> values.addAll(List.of("\"a\"", "{}", "[{}]", "[[1]]", "[" + "1,".repeat(20_000) + "1]"));
                case "object" -> values.addAll(List.of("\"a\"", "[]", "1", "{\"a\":{\"b\":{\"c\":[]}}}"));
                default -> values.addAll(List.of("\"a\"", "1"));
            }
            return values;
        }

        static Map<String, byte[]> wholeBodies(String example) {
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            bodies.put("empty", new byte[0]);
            bodies.put("null", bytes("null"));
            bodies.put("array", bytes("[" + example + "]"));
            bodies.put("string", bytes("\"" + example.replace("\"", "\\\"") + "\""));
            bodies.put("truncated", bytes(example.substring(0, example.length() / 2)));
            bodies.put("two values", bytes(example + example));
            bodies.put("nested 5000 deep", bytes("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
            bodies.put("objects 2000 deep", bytes("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)));
            bodies.put("unknown fields, nested", bytes("{\"zzz\":" + "{\"y\":".repeat(100) + "1" + "}".repeat(100) + "," + example.substring(1)));
            byte[] text = bytes(example.length() > 2 ? "{\"title\":\"\u00e9\"," + example.substring(1) : "{\"title\":\"\u00e9\"}");
            for (int i = 0; i < text.length; i++) {
                if (text[i] == (byte) 0xC3) {
                    text[i] = (byte) 0xFF; // a byte that is never UTF-8
                }
            }
            bodies.put("invalid UTF-8", text);
            bodies.put("utf-16 bom", new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'});
            bodies.put("bare word", bytes("hostile"));
            return bodies;
        }
    }
}
