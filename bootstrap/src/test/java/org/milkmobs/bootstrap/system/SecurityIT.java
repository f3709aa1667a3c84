package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.bootstrap.openapi.OpenApiDocument;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * Who may do what, on the real WAR: every documented operation × {anonymous, owner, another consumer, admin} gets
 * the expected status; plus CORS and the per-user rate limits.
 */
@ExtendWith(SystemTestServer.class)
class SecurityIT {

    static final String WEB_APP_ORIGIN = "https://app.milkmobs.test";
    private static final String OWNER = "matrix-owner";
    private static MilkMobsServer server;
    private static String video;
    private static String grant;

    @BeforeAll
    static void anUnfinishedVideoOfTheOwner(MilkMobsServer running) {
        server = running;
        Uploads uploads = new Uploads(server.as(server.tokens().consumer(OWNER)));
        jakarta.json.JsonObject submitted = uploads.submit("matrix", List.of("#matrix"));
        video = submitted.getString("videoId");
        grant = submitted.getJsonObject("upload").getString("url").replaceAll(".*/api/blobs/", "");
    }

    /** One operation and the status each caller gets; {video}, {grant} and {random} are filled in. */
    private record Row(String method, String template, String path, String body, int anonymous, int owner, int other, int admin) {
    }

    private static final String RANDOM = UUID.randomUUID().toString();
    private static final String UNKNOWN_SEARCH = "ab".repeat(32);
    private static final List<Row> MATRIX = List.of(
            // no token needed; a token that comes is still checked (HostileClientIT sends forged and garbage ones)
            new Row("GET", "/api/ping", "/api/ping", null, 200, 200, 200, 200),
            new Row("POST", "/api/videos/submit", "/api/videos/submit", "{\"title\":\"matrix probe\"}", 401, 201, 201, 201),
            new Row("POST", "/api/videos/{videoId}/complete", "/api/videos/{video}/complete", "", 401, 409, 404, 409),
            new Row("GET", "/api/videos/{videoId}", "/api/videos/{video}", null, 401, 200, 404, 200),
            new Row("GET", "/api/videos/user", "/api/videos/user?userId=" + OWNER, null, 401, 200, 403, 200),
            new Row("GET", "/api/videos/feed", "/api/videos/feed", null, 401, 200, 200, 200),
            new Row("GET", "/api/feed", "/api/feed", null, 401, 200, 200, 200),
            // the signed URL is the credential: a token neither helps nor hurts
            new Row("GET", "/api/blobs/{grant}", "/api/blobs/{grant}", null, 405, 405, 405, 405),
            new Row("HEAD", "/api/blobs/{grant}", "/api/blobs/{grant}", null, 405, 405, 405, 405),
            new Row("PUT", "/api/blobs/{grant}", "/api/blobs/forged-grant", "x", 403, 403, 403, 403),
            new Row("GET", "/api/search/similar", "/api/search/similar?videoId={video}", null, 401, 409, 404, 409),
            new Row("POST", "/api/search/videos", "/api/search/videos", "{\"query\":\"matrix\"}", 401, 200, 200, 200),
            new Row("POST", "/api/search/videos/by-image", "/api/search/videos/by-image", "{\"image\":\"aGVsbG8=\"}", 401, 400, 400, 400),
            new Row("GET", "/api/search/videos/by-image/{queryId}", "/api/search/videos/by-image/{query}", null, 401, 404, 404, 404),
            new Row("POST", "/api/search/videos/by-audio", "/api/search/videos/by-audio", "{\"audio\":\"aGVsbG8=\"}", 401, 400, 400, 400),
            new Row("GET", "/api/search/videos/by-audio/{queryId}", "/api/search/videos/by-audio/{query}", null, 401, 404, 404, 404),
            new Row("POST", "/api/search/videos/by-text-and-image", "/api/search/videos/by-text-and-image",
                    "{\"query\":\"milk\",\"image\":\"aGVsbG8=\"}", 401, 400, 400, 400),
            new Row("GET", "/api/mobs", "/api/mobs", null, 401, 200, 200, 200),
            new Row("GET", "/api/mobs/{mobId}", "/api/mobs/{random}", null, 401, 404, 404, 404),
            new Row("POST", "/api/validate", "/api/validate", "{\"videoId\":\"{video}\"}", 401, 409, 404, 409),
            new Row("GET", "/api/validate/{videoId}", "/api/validate/{video}", null, 401, 200, 404, 200),
            new Row("GET", "/api/execution-history", "/api/execution-history?videoId={video}", null, 401, 200, 404, 200),
            new Row("GET", "/api/admin/videos", "/api/admin/videos", null, 401, 403, 403, 200),
            new Row("DELETE", "/api/admin/videos/{videoId}", "/api/admin/videos/{random}", null, 401, 403, 403, 204),
            // a video that is not waiting for review is reported in the results, not refused
            new Row("POST", "/api/admin/reviews", "/api/admin/reviews",
                    "{\"videoIds\":[\"01a2091d-57b9-7165-85a3-5ed3e7338ade\"],\"decision\":\"VALIDATED\"}", 401, 403, 403, 200),
            new Row("GET", "/api/admin/near-duplicates", "/api/admin/near-duplicates", null, 401, 403, 403, 200),
            new Row("GET", "/api/admin/stats", "/api/admin/stats", null, 401, 403, 403, 200),
            new Row("GET", "/api/admin/campaign", "/api/admin/campaign", null, 401, 403, 403, 200),
            new Row("PUT", "/api/admin/campaign", "/api/admin/campaign", "{\"threshold\":7}", 401, 403, 403, 400),
            new Row("POST", "/api/admin/campaign/references", "/api/admin/campaign/references", "{}", 401, 403, 403, 400),
            // removing a reference that is not there is idempotent
            new Row("DELETE", "/api/admin/campaign/references/{source}", "/api/admin/campaign/references/image:nothing", null,
                    401, 403, 403, 200),
            new Row("GET", "/api/admin/jobs", "/api/admin/jobs", null, 401, 403, 403, 200),
            new Row("POST", "/api/admin/jobs/{jobId}/retry", "/api/admin/jobs/987654321/retry", "", 401, 403, 403, 404),
            new Row("POST", "/api/admin/jobs/{jobId}/cancel", "/api/admin/jobs/987654321/cancel", "", 401, 403, 403, 404),
            new Row("GET", "/api/admin/queues", "/api/admin/queues", null, 401, 403, 403, 200),
            new Row("POST", "/api/admin/queues/{step}/pause", "/api/admin/queues/no-such-step/pause", "", 401, 403, 403, 400),
            new Row("POST", "/api/admin/queues/{step}/resume", "/api/admin/queues/no-such-step/resume", "", 401, 403, 403, 400),
            new Row("POST", "/api/admin/mobs/recluster", "/api/admin/mobs/recluster", "", 401, 403, 403, 202),
            new Row("GET", "/api/admin/mobs/recluster", "/api/admin/mobs/recluster", null, 401, 403, 403, 200),
            new Row("GET", "/api/admin/mobs/recluster/{runId}", "/api/admin/mobs/recluster/{random}", null, 401, 403, 403, 404),
            new Row("GET", "/api/admin/mobs/map", "/api/admin/mobs/map", null, 401, 403, 403, 200),
            new Row("PUT", "/api/admin/mobs/{mobId}/name", "/api/admin/mobs/{random}/name", "{\"name\":\"Nobody\"}", 401, 403, 403, 404),
            new Row("GET", "/api/admin/budget", "/api/admin/budget", null, 401, 403, 403, 200),
            new Row("PUT", "/api/admin/budget", "/api/admin/budget", "{\"limits\":[]}", 401, 403, 403, 400),
            new Row("GET", "/api/admin/usage-stats", "/api/admin/usage-stats", null, 401, 403, 403, 200),
            // a stream that opened would never end: a bad Last-Event-ID shows the check without opening one
            new Row("GET", "/api/events/stream", "/api/events/stream?lastEventId=x", null, 401, 400, 400, 400),
            new Row("GET", "/api/videos/{videoId}/events", "/api/videos/{random}/events", null, 401, 404, 404, 404),
            new Row("GET", "/api/admin/webhooks", "/api/admin/webhooks", null, 401, 403, 403, 200),
            new Row("POST", "/api/admin/webhooks", "/api/admin/webhooks", "{}", 401, 403, 403, 400),
            new Row("GET", "/api/admin/webhooks/failing", "/api/admin/webhooks/failing", null, 401, 403, 403, 200),
            new Row("GET", "/api/admin/webhooks/{webhookId}", "/api/admin/webhooks/{random}", null, 401, 403, 403, 404),
            new Row("PUT", "/api/admin/webhooks/{webhookId}", "/api/admin/webhooks/{random}", "{}", 401, 403, 403, 400),
            new Row("DELETE", "/api/admin/webhooks/{webhookId}", "/api/admin/webhooks/{random}", null, 401, 403, 403, 404),
            new Row("POST", "/api/admin/webhooks/{webhookId}/rotate-secret", "/api/admin/webhooks/{random}/rotate-secret", "",
                    401, 403, 403, 404),
            new Row("GET", "/api/admin/webhooks/{webhookId}/deliveries", "/api/admin/webhooks/{random}/deliveries", null,
                    401, 403, 403, 404),
            new Row("POST", "/api/admin/webhooks/{webhookId}/deliveries/{deliveryId}/replay",
                    "/api/admin/webhooks/{random}/deliveries/1/replay", "", 401, 403, 403, 404),
            new Row("POST", "/api/admin/webhooks/{webhookId}/replay", "/api/admin/webhooks/{random}/replay", "{}", 401, 403, 403, 400),
            new Row("GET", "/api/admin/api-keys", "/api/admin/api-keys", null, 401, 403, 403, 200),
            new Row("POST", "/api/admin/api-keys", "/api/admin/api-keys", "{\"name\":\"\"}", 401, 403, 403, 400),
            new Row("DELETE", "/api/admin/api-keys/{keyId}", "/api/admin/api-keys/{random}", null, 401, 403, 403, 404));

    @Test
    void everyOperationAnswersEachKindOfCallerAsItShould() {
        ApiClient anonymous = server.anonymous();
        ApiClient owner = server.as(server.tokens().consumer(OWNER));
        ApiClient other = server.as(server.tokens().consumer("matrix-other"));
        ApiClient admin = server.as(server.tokens().admin("matrix-admin"));
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            String path = row.path().replace("{video}", video).replace("{grant}", grant).replace("{random}", RANDOM)
                    .replace("{query}", UNKNOWN_SEARCH);
            String body = row.body() == null ? null : row.body().replace("{video}", video);
            check(wrong, row, "anonymous", call(anonymous, row.method(), path, body), row.anonymous());
            check(wrong, row, "owner", call(owner, row.method(), path, body), row.owner());
            check(wrong, row, "other consumer", call(other, row.method(), path, body), row.other());
            check(wrong, row, "admin", call(admin, row.method(), path, body), row.admin());
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theMatrixCoversEveryDocumentedOperation() {
        Set<String> covered = new TreeSet<>();
        MATRIX.forEach(row -> covered.add(row.method() + " " + row.template()));
        assertThat(covered).isEqualTo(OpenApiDocument.operations(OpenApiDocument.file()));
    }

    @Test
    void aBrowserOnTheConfiguredOriginMayCallTheApiAndNoOtherOriginMay() {
        ApiResponse preflight = server.anonymous().send(server.anonymous().request("/api/videos/submit")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", WEB_APP_ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization, content-type"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(WEB_APP_ORIGIN);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers")).contains("Authorization").contains("Content-Type");

        ApiClient fan = server.as(server.tokens().consumer("cors-fan"));
        ApiResponse allowed = fan.send(fan.request("/api/videos/feed").header("Origin", WEB_APP_ORIGIN));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(WEB_APP_ORIGIN);
        assertThat(header(allowed, "Access-Control-Expose-Headers")).contains("Retry-After");

        ApiResponse foreign = fan.send(fan.request("/api/videos/feed").header("Origin", "https://evil.example"));
        assertThat(foreign.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        ApiResponse foreignPreflight = server.anonymous().send(server.anonymous().request("/api/videos/feed")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(foreignPreflight.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void searchAndSubmitAreLimitedPerUserWith429AndRetryAfter() {
        ApiClient busy = server.as(server.tokens().consumer("rate-limited-fan"));
        // rate-limit.search: 120 per minute, so 2 refill each second; rate-limit.submit: 30 per minute, 0.5 a second
        Drained similar = drain(() -> busy.get("/api/search/similar?videoId=not-a-uuid"), 400, 2.0);
        assertThat(similar.granted()).as("the whole search allowance").isBetween(120, 120 + similar.refilled());
        ApiResponse refused = similar.refusal();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("type")).endsWith("too-many-requests");
        assertThat(Long.parseLong(header(refused, "Retry-After"))).isBetween(1L, 60L);

        // a text search draws on the same bucket: past the refusal it gets only what refilled since (plus the part
        // of a token the bucket held at the refusal), where a bucket of its own would grant 120
        Drained text = drain(() -> busy.postJson("/api/search/videos", "{\"query\":\"milk\"}"), 200, 2.0);
        assertThat(text.granted()).as("every search counts").isLessThanOrEqualTo(text.refilled() + 1);

        ApiClient neighbour = server.as(server.tokens().consumer("patient-fan"));
        assertThat(neighbour.get("/api/search/similar?videoId=not-a-uuid").status()).as("another user's allowance").isEqualTo(400);
        Drained submits = drain(() -> busy.postJson("/api/videos/submit", "{\"title\":\"\"}"), 400, 0.5);
        assertThat(submits.granted()).as("submit has its own allowance").isBetween(30, 30 + submits.refilled());
        assertThat(submits.refusal().raw().headers().firstValue("Retry-After")).isPresent();
    }

    /** What a client got by calling until refused: how many were granted, the refusal, and the most that refilled. */
    private record Drained(int granted, ApiResponse refusal, int refilled) {
    }

    /**
     * Calls until a 429 (every other answer must be {@code granted}), and bounds what the bucket refilled meanwhile
     * ({@code perSecond} over the time taken, rounded up): a loaded machine takes longer and rightly gets more.
     */
    private static Drained drain(java.util.function.Supplier<ApiResponse> call, int granted, double perSecond) {
        long started = System.nanoTime();
        int served = 0;
        for (int i = 0; i < 400; i++) {
            ApiResponse response = call.get();
            if (response.status() == 429) {
                return new Drained(served, response, (int) Math.ceil((System.nanoTime() - started) / 1e9 * perSecond));
            }
            assertThat(response.status()).isEqualTo(granted);
            served++;
        }
        throw new AssertionError("no 429 after " + served + " calls");
    }

    @Test
    void sqlInjectionInFiltersAndQueriesFindsNothingAndBreaksNothing() {
        ApiClient fan = server.as(server.tokens().consumer("injecting-fan"));
        List<String> attacks = List.of("' OR '1'='1", "'; DROP TABLE video; --", "x') OR 1=1 --", "\\'; SELECT pg_sleep(5); --");
        for (String attack : attacks) {
            String quoted = jakarta.json.Json.createValue(attack).toString();
            ApiResponse text = fan.postJson("/api/search/videos", "{\"query\":" + quoted + "}");
            assertThat(text.status()).as(attack).isEqualTo(200);
            assertThat(text.json().getJsonArray("items")).as(attack).isEmpty();
            for (String filter : List.of("\"owner\":" + quoted, "\"hashtags\":[" + quoted + "]", "\"mob\":" + quoted)) {
                ApiResponse filtered = fan.postJson("/api/search/videos", "{\"query\":\"matrix\",\"filters\":{" + filter + "}}");
                // either a value the filter may hold, which matches nothing, or one it may not, refused by name
                if (filtered.status() == 200) {
                    assertThat(filtered.json().getJsonArray("items")).as(filter).isEmpty();
                } else {
                    assertThat(filtered.status()).as(filter).isEqualTo(400);
                    assertThat(filtered.json().getJsonArray("errors")).as(filter).isNotEmpty();
                }
            }
            String encoded = java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8);
            ApiResponse listed = fan.get("/api/videos/user?userId=injecting-fan&status=" + encoded);
            assertThat(listed.status()).as(attack).isEqualTo(400);
        }
        ApiClient owner = server.as(server.tokens().consumer(OWNER));
        assertThat(owner.get("/api/videos/" + video).status()).as("the video table is intact").isEqualTo(200);
        assertThat(owner.get("/api/videos/user?userId=" + OWNER).json().getJsonArray("items")).isNotEmpty();
    }

    private static String header(ApiResponse response, String name) {
        return response.raw().headers().firstValue(name).orElse(null);
    }

    private static void check(List<String> wrong, Row row, String caller, ApiResponse response, int expected) {
        if (response.status() != expected) {
            wrong.add(row.method() + " " + row.path() + " as " + caller + ": " + response.status() + " (expected " + expected + ") "
                    + response.body());
        } else if (expected >= 400 && !row.method().equals("HEAD") && !response.contentType().startsWith("application/problem+json")) {
            wrong.add(row.method() + " " + row.path() + " as " + caller + ": " + expected + " without problem+json: " + response.contentType());
        }
    }

    private static ApiResponse call(ApiClient client, String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = client.request(path).method(method, publisher);
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", path.startsWith("/api/blobs/") ? "application/octet-stream" : "application/json");
        }
        return client.send(request);
    }
}
