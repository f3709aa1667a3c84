package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The three duplicate tiers on videos the local analyzer really analysed (ADR 0026): the same bytes again are
 * {@code duplicateOf}; a re-encode and a trimmed re-edit are {@code nearDuplicateOf}; two videos sharing only their
 * opening seconds are neither. Similar search hides near-duplicates when asked; an admin pages through the pairs.
 */
@ExtendWith(SystemTestServer.class)
class NearDuplicatesIT {

    private static final String OWNER = "near-dup-fan";

    @TempDir
    static Path dir;

    private static NearDuplicateSet videos;

    private static ApiClient fan;
    private static ApiClient admin;
    private static MilkMobsServer server;

    @BeforeAll
    static void uploadVideos(MilkMobsServer running) {
        server = running;
        fan = server.as(server.tokens().consumer(OWNER));
        admin = server.as(server.tokens().admin("near-dup-admin"));
        Uploads uploads = new Uploads(fan);
        videos = NearDuplicateSet.upload(dir, uploads, "nd");
    }

    @Test
    void theSameBytesAreAnIdenticalDuplicate() {
        JsonObject video = video(videos.identical());
        assertThat(video.getString("duplicateOf")).isEqualTo(videos.original());
        assertThat(absent(video, "nearDuplicateOf")).as("the identical tier is not a near-duplicate").isTrue();
    }

    @Test
    void aReEncodeAndATrimmedReEditAreNearDuplicatesOfTheOriginal() {
        assertThat(video(videos.reEncoded()).getString("nearDuplicateOf")).isEqualTo(videos.original());
        assertThat(absent(video(videos.reEncoded()), "duplicateOf")).isTrue();
        assertThat(video(videos.trimmed()).getString("nearDuplicateOf")).isEqualTo(videos.original());
        assertThat(absent(video(videos.original()), "nearDuplicateOf")).as("the original is the earlier video").isTrue();
    }

    @Test
    void videosSharingOnlyAnIntroAreNotNearDuplicates() {
        assertThat(absent(video(videos.introOne()), "nearDuplicateOf")).isTrue();
        assertThat(absent(video(videos.introTwo()), "nearDuplicateOf")).isTrue();
    }

    @Test
    void similarSearchHidesNearDuplicatesWhenAsked() {
        String query = "/api/search/similar?videoId=" + videos.original() + "&owner=" + OWNER + "&threshold=0&limit=100";
        ApiResponse all = fan.get(query);
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(ids(all.json())).contains(videos.reEncoded(), videos.trimmed(), videos.introOne(), videos.introTwo())
                .doesNotContain(videos.original(), videos.identical());

        ApiResponse distinct = fan.get(query + "&hideNearDuplicates=true");
        assertThat(distinct.status()).as(distinct.toString()).isEqualTo(200);
        assertThat(ids(distinct.json())).contains(videos.introOne(), videos.introTwo())
                .doesNotContain(videos.reEncoded(), videos.trimmed(), videos.original(), videos.identical());

        // from the re-encode's side: the original is its near-duplicate, and the trim one of the original's
        ApiResponse fromCopy = fan.get("/api/search/similar?videoId=" + videos.reEncoded() + "&owner=" + OWNER
                + "&threshold=0&limit=100&hideNearDuplicates=true");
        assertThat(ids(fromCopy.json())).doesNotContain(videos.original(), videos.reEncoded()).contains(videos.introOne(), videos.introTwo());

        assertThat(fan.get(query + "&hideNearDuplicates=maybe").status()).isEqualTo(400);
    }

    @Test
    void anAdminSeesThePairsInTheConsoleAndAVideoLinksToItsOriginal() {
        try (ConsoleBrowser browser = new ConsoleBrowser(server, 1280, 900)) {
            browser.signIn(server.tokens().admin("near-dup-admin"), "/admin/near-duplicates");
            browser.awaitText(By.cssSelector("table.pairs"), "re-encoded", Duration.ofSeconds(20));
            List<String> rows = browser.driver().findElements(By.cssSelector("[data-testid=near-duplicate-pair]")).stream()
                    .map(WebElement::getText).toList();
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("re-encoded", "the original"))
                    .noneSatisfy(row -> assertThat(row).contains("shared intro, one", "shared intro, two"));
            browser.shot("admin-near-duplicates");

            browser.open("/admin/videos/" + videos.trimmed());
            browser.awaitText(By.cssSelector("[data-testid=near-duplicate-of]"), "re-edit", Duration.ofSeconds(20))
                    .findElement(By.tagName("a")).click();
            browser.awaitText(By.tagName("h1"), "the original", Duration.ofSeconds(20));
            assertThat(browser.browserErrors()).as("errors in the browser's console").isEmpty();
        }
    }

    @Test
    void anAdminPagesThroughThePairsNewestFirst() {
        List<JsonObject> pairs = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            ApiResponse page = admin.get("/api/admin/near-duplicates?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            List<JsonObject> items = page.json().getJsonArray("items").getValuesAs(JsonObject.class);
            assertThat(items).hasSizeLessThanOrEqualTo(1);
            pairs.addAll(items);
            cursor = page.json().containsKey("nextCursor") ? page.json().getString("nextCursor") : null;
            assertThat(cursor == null || cursors.add(cursor)).as("a cursor never repeats").isTrue();
        } while (cursor != null);

        List<String> ours = pairs.stream().filter(p -> p.getJsonObject("original").getString("videoId").equals(videos.original()))
                .map(p -> p.getJsonObject("video").getString("videoId")).toList();
        assertThat(ours).contains(videos.reEncoded(), videos.trimmed()).doesNotHaveDuplicates();
        assertThat(pairs).noneMatch(p -> Set.of(videos.introOne(), videos.introTwo()).contains(p.getJsonObject("video").getString("videoId"))
                && Set.of(videos.introOne(), videos.introTwo()).contains(p.getJsonObject("original").getString("videoId")));
        JsonObject pair = pairs.stream().filter(p -> p.getJsonObject("video").getString("videoId").equals(videos.reEncoded())
                && p.getJsonObject("original").getString("videoId").equals(videos.original())).findFirst().orElseThrow();
        assertThat(pair.getJsonNumber("share").doubleValue()).isBetween(0.7, 1.0);
        assertThat(pair.getJsonNumber("durationRatio").doubleValue()).isBetween(0.8, 1.0);
        assertThat(pair.getJsonObject("video").getString("title")).isEqualTo("re-encoded");
        assertThat(pair.getJsonObject("original").getString("ownerId")).isEqualTo(OWNER);

        assertThat(admin.get("/api/admin/near-duplicates?cursor=not-ours").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/near-duplicates?limit=0").status()).isEqualTo(400);
        assertThat(fan.get("/api/admin/near-duplicates").status()).isEqualTo(403);
    }

    private static JsonObject video(String id) {
        ApiResponse response = fan.get("/api/videos/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    private static List<String> ids(JsonObject results) {
        return results.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getJsonObject("video").getString("videoId")).toList();
    }
}
