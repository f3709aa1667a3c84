package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;
import org.openqa.selenium.By;

/**
 * Issue 21, point 2, on the real WAR with the local analyzer and the default policy: a video that passes on
 * its hashtag and sound alone waits in review instead of being accepted; admins decide the queue in bulk; an
 * approved video made a campaign reference lets the videos that look like it be accepted on their own, and
 * those that do not be rejected.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewIT {

    @TempDir
    static Path dir;

    private static MilkMobsServer server;
    private static ApiClient fan;
    private static ApiClient admin;
    private static Uploads uploads;
    private static Map<String, List<VideoFamilies.Member>> families;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>(SystemTestServer.DEFAULTS);
        env.put("VALIDATION_UNPROVEN", "review");
        server = MilkMobsServer.start("review", env);
        fan = server.as(server.tokens().consumer("review-fan"));
        admin = server.as(server.tokens().admin("review-admin"));
        uploads = new Uploads(fan);
        families = new HashMap<>();
        for (VideoFamilies.Member member : VideoFamilies.generate(dir, VideoFamilies.FAMILIES.stream()
                .filter(f -> f.name().equals("mandelbrot") || f.name().equals("smptebars")).toList())) {
            families.computeIfAbsent(member.family().name(), k -> new java.util.ArrayList<>()).add(member);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String upload(VideoFamilies.Member member) {
        String id = uploads.submitUploadComplete(member.file(), member.family().name() + " " + member.variation(), List.of("#milkmob"));
        uploads.awaitSettled(id);
        return id;
    }

    private static JsonObject video(String id) {
        return fan.get("/api/videos/" + id).json();
    }

    private static ApiResponse review(ApiClient client, String json) {
        return client.postJson("/api/admin/reviews", json);
    }

    /** Before any reference exists (the other journey adds one), so the video waits in the queue. */
    @Test
    @Order(1)
    void anAdminRejectsAVideoFromTheReviewQueueInTheConsole() {
        String waiting = upload(families.get("smptebars").get(2));
        String title = video(waiting).getString("title");
        try (ConsoleBrowser browser = new ConsoleBrowser(server, 1280, 900)) {
            browser.signIn(server.tokens().admin("review-admin"), "/admin/reviews");
            browser.await(By.cssSelector("input[aria-label='Choose " + title + "']")).click();
            browser.shot("admin-review-queue");
            browser.awaitText(By.tagName("button"), "Reject 1", Duration.ofSeconds(5)).click();
            browser.awaitText(By.cssSelector("[data-testid=review-outcome]"), "1 rejected", Duration.ofSeconds(10));
            assertThat(browser.browserErrors()).as("errors in the browser's console").isEmpty();
        }
        assertThat(video(waiting).getString("status")).isEqualTo("REJECTED");
        assertThat(video(waiting).getJsonObject("validation").getString("kind")).isEqualTo("OVERRIDE");
    }

    @Test
    @Order(2)
    void aHashtagAloneWaitsForAPersonAndAnApprovedReferenceLetsLookAlikesPassOnTheirOwn() {
        String campaignLook = upload(families.get("mandelbrot").get(0));
        String offCampaign = upload(families.get("smptebars").get(0));

        for (String id : List.of(campaignLook, offCampaign)) {
            JsonObject video = video(id);
            assertThat(video.getString("status")).as("accepted on a hashtag alone?").isEqualTo("IN_REVIEW");
            assertThat(video.getJsonObject("validation").getString("outcome")).isEqualTo("REVIEW");
            assertThat(video.getJsonObject("validation").getBoolean("accepted")).isFalse();
        }
        List<String> queue = ids(admin.get("/api/admin/videos?status=IN_REVIEW&limit=100").json());
        assertThat(queue).contains(campaignLook, offCampaign);
        assertThat(ids(fan.get("/api/videos/feed?limit=50").json())).as("not in the feed while in review")
                .doesNotContain(campaignLook, offCampaign);

        ApiResponse byAFan = review(fan, "{\"videoIds\": [\"" + campaignLook + "\"], \"decision\": \"VALIDATED\"}");
        assertThat(byAFan.status()).isEqualTo(403);

        ApiResponse approved = review(admin, "{\"videoIds\": [\"" + campaignLook + "\"], \"decision\": \"VALIDATED\", \"asReferences\": true}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getJsonArray("results").getJsonObject(0).getString("status")).isEqualTo("VALIDATED");
        ApiResponse rejected = review(admin, "{\"videoIds\": [\"" + offCampaign + "\", \"" + campaignLook + "\"], \"decision\": \"rejected\","
                + " \"reason\": \"colour bars, no milk\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        List<JsonObject> results = rejected.json().getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(results.get(0).getString("status")).isEqualTo("REJECTED");
        assertThat(results.get(1).getString("problem")).as("decided meanwhile: left as it is").contains("not waiting for review");
        assertThat(video(campaignLook).getString("status")).isEqualTo("VALIDATED");
        JsonObject history = admin.get("/api/validate/" + offCampaign).json();
        assertThat(history.getJsonObject("decision").getString("reason")).isEqualTo("colour bars, no milk");
        assertThat(history.getJsonObject("decision").getString("kind")).isEqualTo("OVERRIDE");
        assertThat(admin.get("/api/admin/campaign").json().getJsonArray("references").toString()).contains("video:" + campaignLook);

        String lookAlike = upload(families.get("mandelbrot").get(1));
        String another = upload(families.get("smptebars").get(1));
        assertThat(video(lookAlike).getString("status")).as("looks like an approved reference").isEqualTo("VALIDATED");
        assertThat(video(another).getString("status")).as("looks like no reference").isEqualTo("REJECTED");
        assertThat(ids(admin.get("/api/admin/videos?status=IN_REVIEW&limit=100").json())).doesNotContain(lookAlike, another);
    }

    @Test
    @Order(3)
    void badReviewRequestsAreRefusedWithAProblemThatSaysWhy() {
        String unknown = UUID.randomUUID().toString();
        Map<String, ApiResponse> bad = new HashMap<>();
        bad.put("no videos", review(admin, "{\"videoIds\": [], \"decision\": \"VALIDATED\"}"));
        bad.put("not an id", review(admin, "{\"videoIds\": [\"42\"], \"decision\": \"VALIDATED\"}"));
        bad.put("no decision", review(admin, "{\"videoIds\": [\"" + unknown + "\"]}"));
        bad.put("odd decision", review(admin, "{\"videoIds\": [\"" + unknown + "\"], \"decision\": \"MAYBE\"}"));
        bad.put("rejected reference", review(admin, "{\"videoIds\": [\"" + unknown + "\"], \"decision\": \"REJECTED\", \"asReferences\": true}"));
        bad.put("101 videos", review(admin, "{\"videoIds\": [" + String.join(",", java.util.Collections.nCopies(101, "\"" + unknown + "\""))
                + "], \"decision\": \"VALIDATED\"}"));

        assertThat(bad).allSatisfy((what, response) -> {
            assertThat(response.status()).as(what + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        });
        assertThat(bad.get("rejected reference").json().getString("detail")).contains("only approved videos");
        ApiResponse gone = review(admin, "{\"videoIds\": [\"" + unknown + "\"], \"decision\": \"VALIDATED\"}");
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().getJsonArray("results").getJsonObject(0).getString("problem")).contains(unknown);
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(v -> v.getString("videoId")).toList();
    }
}
