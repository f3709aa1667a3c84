package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;
import org.milkmobs.bootstrap.system.SseClient.Event;
import org.milkmobs.bootstrap.system.WebhookReceiver.Request;

/**
 * Events out through two real WARs on one database: A delivers webhooks (its allow-list admits the test's receiver
 * on 127.0.0.1, with a 3 s timeout and short backoff), B only serves streams and has no allow-list.
 */
class EventsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private static WebhookReceiver receiver;
    private static MilkMobsServer a;
    private static MilkMobsServer b;
    private static ApiClient adminA;

    @BeforeAll
    static void start() {
        receiver = new WebhookReceiver();
        Map<String, String> envA = new HashMap<>(SystemTestServer.DEFAULTS);
        envA.putAll(MilkMobsServer.env("WEBHOOKS_ALLOWED_TARGETS", "127.0.0.1", "WEBHOOKS_MAX_ATTEMPTS", "3",
                "WEBHOOKS_BACKOFF_BASE", "PT0.2S", "WEBHOOKS_BACKOFF_MAX", "PT0.5S", "WEBHOOKS_TIMEOUT", "PT3S",
                "WEBHOOKS_PER_SUBSCRIPTION", "1", "EVENTS_SSE_HEARTBEAT", "PT1S"));
        a = MilkMobsServer.start("events-a", envA);
        // the same database and token key as A (the environment overrides what start() made for B itself)
        // B's relay may publish an event first and stamp its deliveries' attempt limit: configured as A, as a cluster is
        b = MilkMobsServer.start("events-b", MilkMobsServer.env("DB_URL", a.database().jdbcUrl(), "DB_USER", a.database().user(),
                "DB_PASSWORD", a.database().password(), "WEBHOOKS_ENABLED", "false", "PIPELINE_WORKERS_ENABLED", "false",
                "WEBHOOKS_MAX_ATTEMPTS", "3", "WEBHOOKS_BACKOFF_BASE", "PT0.2S", "WEBHOOKS_BACKOFF_MAX", "PT0.5S",
                "HOUSEKEEPING_ENABLED", "false", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", a.workDir().resolve("jwt-public-key.pem").toUri().toString()));
        adminA = a.as(a.tokens().admin("events-admin"));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        receiver.close();
    }

    @Test
    void aReceiverGetsSignedRequestsWithTheEventIdAndAVideosEventsInOrder() {
        JsonObject created = createWebhook(adminA, "/ok", List.of());
        String secret = created.getString("secret");
        String webhookId = created.getJsonObject("subscription").getString("id");
        Uploads uploads = new Uploads(a.as(a.tokens().consumer("events-owner")));
        Path clip = MediaFixtures.video(dir, "events", 3, 320, 240);

        String video = uploads.submitUploadComplete(clip, "events in order", List.of("#milkmob"));
        uploads.awaitSettled(video);

        List<Request> requests = receiver.await("/ok", seen -> eventsOf(seen, video).stream()
                .anyMatch(e -> e.getString("type").equals("video.analyzed")), WAIT);
        List<JsonObject> events = eventsOf(requests, video);
        assertThat(events).extracting(e -> e.getString("type")).startsWith("video.submitted", "video.uploaded").endsWith("video.analyzed");
        assertThat(events).extracting(e -> e.getJsonNumber("sequence").longValue()).isSorted().doesNotHaveDuplicates();
        for (Request request : requests) {
            JsonObject body = json(request.body());
            assertThat(request.header("Milkmobs-Event-Id")).isEqualTo(body.getString("id"));
            assertThat(signatureHolds(request, secret)).as("the signature of " + request.body()).isTrue();
            assertThat(signatureHolds(request, "whsec_someone-else")).isFalse();
        }
        ApiResponse log = adminA.get("/api/admin/webhooks/" + webhookId + "/deliveries?limit=200");
        assertThat(log.status()).as(log.toString()).isEqualTo(200);
        JsonObject delivered = log.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("eventType").equals("video.analyzed")).findFirst().orElseThrow();
        assertThat(delivered.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(delivered.getJsonArray("log").getJsonObject(0).getInt("statusCode")).isEqualTo(204);
    }

    @Test
    void a500AndATimeoutAreRetriedAKeepsFailingTargetEndsDeadAndAReplayKeepsTheEventId() {
        receiver.script("/flaky", n -> n == 1 ? 500 : n == 2 ? -1 : 204);
        receiver.script("/down", n -> 500);
        String flaky = createWebhook(adminA, "/flaky", List.of("video.deleted")).getJsonObject("subscription").getString("id");
        String down = createWebhook(adminA, "/down", List.of("video.deleted")).getJsonObject("subscription").getString("id");
        String video = new Uploads(a.as(a.tokens().consumer("events-retry"))).submit("to delete", List.of()).getString("videoId");

        assertThat(adminA.delete("/api/admin/videos/" + video).status()).isEqualTo(204);

        List<Request> flakyRequests = receiver.await("/flaky", seen -> seen.size() >= 3, WAIT);
        JsonObject flakyDelivery = awaitDelivery(flaky, "SUCCEEDED");
        assertThat(flakyDelivery.getJsonArray("log").getValuesAs(JsonObject.class))
                .extracting(attempt -> attempt.containsKey("statusCode") ? attempt.getInt("statusCode") : -1)
                .containsExactly(500, -1, 204);
        assertThat(flakyDelivery.getJsonArray("log").getJsonObject(1).getString("error")).contains("no answer");
        assertThat(flakyRequests).extracting(r -> r.header("Milkmobs-Event-Id")).containsOnly(flakyDelivery.getString("eventId"));

        JsonObject dead = awaitDelivery(down, "DEAD");
        assertThat(dead.getJsonArray("log")).hasSize(3);
        assertThat(adminA.get("/api/admin/webhooks/failing").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("subscriptionId")).contains(down);

        ApiResponse replay = adminA.postJson("/api/admin/webhooks/" + flaky + "/deliveries/" + flakyDelivery.getJsonNumber("id") + "/replay", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        List<Request> again = receiver.await("/flaky", seen -> seen.size() >= 4, WAIT);
        assertThat(again.get(3).header("Milkmobs-Event-Id")).isEqualTo(flakyDelivery.getString("eventId"));
        assertThat(json(again.get(3).body()).getString("type")).isEqualTo("video.deleted");
    }

    @Test
    void aStreamThatReconnectsWithLastEventIdMissesNothingEvenOnTheOtherInstance() {
        String token = a.tokens().consumer("events-streamer");
        Uploads uploads = new Uploads(a.as(token));
        long lastSeen;
        try (SseClient stream = SseClient.connect(a.uri("/api/events/stream"), token, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.awaitConnected(WAIT)).isTrue();
            String first = uploads.submit("first", List.of()).getString("videoId");
            Event submitted = stream.until(e -> e.data().contains(first), WAIT).get(0);
            assertThat(submitted.type()).isEqualTo("video.submitted");
            lastSeen = submitted.id();
        }
        String second = uploads.submit("second", List.of()).getString("videoId");
        String third = uploads.submit("third", List.of()).getString("videoId");

        try (SseClient resumed = SseClient.connect(b.uri("/api/events/stream"), token, lastSeen)) {
            List<Event> missed = resumed.until(e -> e.data().contains(third), WAIT);
            assertThat(missed).extracting(Event::type).containsExactly("video.submitted", "video.submitted");
            assertThat(missed.get(0).data()).contains(second);
            assertThat(missed).extracting(Event::id).allMatch(id -> id > lastSeen).isSorted();
        }
    }

    @Test
    void aConsumerSeesOnlyTheEventsOfTheirOwnVideos() {
        String mine = a.tokens().consumer("events-me");
        String theirs = a.tokens().consumer("events-them");
        try (SseClient stream = SseClient.connect(a.uri("/api/events/stream"), mine, null);
             SseClient admin = SseClient.connect(a.uri("/api/events/stream"), a.tokens().admin("events-watcher"), null)) {
            assertThat(stream.awaitConnected(WAIT) && admin.awaitConnected(WAIT)).isTrue();
            String other = new Uploads(a.as(theirs)).submit("not yours", List.of()).getString("videoId");
            String own = new Uploads(a.as(mine)).submit("yours", List.of()).getString("videoId");

            List<Event> seen = stream.until(e -> e.data().contains(own), WAIT);
            admin.until(e -> e.data().contains(other), WAIT);
            admin.until(e -> e.data().contains(own), WAIT);

            assertThat(seen).noneMatch(e -> e.data().contains(other) || e.data().contains("events-them"));
            assertThat(stream.drain()).noneMatch(e -> e.data().contains(other));
            try (SseClient foreign = SseClient.connect(a.uri("/api/videos/" + other + "/events"), mine, null)) {
                assertThat(foreign.status()).isEqualTo(404);
            }
        }
    }

    @Test
    void anEventCommittedOnOneInstanceReachesAStreamOnTheOther() {
        String token = a.tokens().admin("events-b-admin");
        String owner = a.tokens().consumer("events-cross");
        try (SseClient onB = SseClient.connect(b.uri("/api/events/stream"), token, null)) {
            assertThat(onB.awaitConnected(WAIT)).isTrue();
            String video = new Uploads(a.as(owner)).submit("from A", List.of()).getString("videoId");

            Event arrived = onB.until(e -> e.data().contains(video), WAIT).get(0);

            assertThat(arrived.type()).isEqualTo("video.submitted");
            assertThat(json(arrived.data()).getJsonObject("resource").getString("id")).isEqualTo(video);
        }
    }

    @Test
    void targetsInsideTheNetworkAreRefusedUnlessAllowed() {
        ApiClient adminB = b.as(a.tokens().admin("events-b-admin"));
        for (String target : List.of("http://127.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://localhost:8080/hook",
                "http://10.1.2.3/hook", "http://[::1]/hook")) {
            ApiResponse refused = adminB.postJson("/api/admin/webhooks", "{\"url\":\"" + target + "\"}");
            assertThat(refused.status()).as(target + " -> " + refused).isEqualTo(400);
            assertThat(refused.json().getString("detail")).contains("refused");
        }
        ApiResponse metadata = adminA.postJson("/api/admin/webhooks", "{\"url\":\"http://169.254.169.254/latest\"}");
        assertThat(metadata.status()).as("A allows only 127.0.0.1").isEqualTo(400);
        assertThat(adminA.postJson("/api/admin/webhooks", "{\"url\":\"ftp://example.com/x\"}").status()).isEqualTo(400);
    }

    private static JsonObject createWebhook(ApiClient admin, String path, List<String> types) {
        String body = Json.createObjectBuilder().add("url", receiver.url(path)).add("eventTypes", Json.createArrayBuilder(types))
                .add("description", "test " + path).build().toString();
        ApiResponse created = admin.postJson("/api/admin/webhooks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("secret")).startsWith("whsec_");
        return created.json();
    }

    private static JsonObject awaitDelivery(String webhookId, String state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            List<JsonObject> items = adminA.get("/api/admin/webhooks/" + webhookId + "/deliveries").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class);
            if (!items.isEmpty()) {
                last = items.get(items.size() - 1);
                if (last.getString("state").equals(state)) {
                    return last;
                }
            }
            Uploads.sleep(100);
        }
        throw new AssertionError("no delivery of " + webhookId + " reached " + state + "; last: " + last);
    }

    private static List<JsonObject> eventsOf(List<Request> requests, String video) {
        return requests.stream().map(r -> json(r.body())).filter(e -> e.getJsonObject("resource").getString("id").equals(video)).toList();
    }

    /** Checks the header as a receiver would: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">. */
    private static boolean signatureHolds(Request request, String secret) {
        String header = request.header("Milkmobs-Signature");
        String t = null;
        List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            return signatures.contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
