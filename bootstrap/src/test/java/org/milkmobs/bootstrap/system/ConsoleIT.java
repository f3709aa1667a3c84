package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web console in a real headless Chromium against the real WAR: an admin's and a consumer's journeys through the
 * pages, each page saved as a screenshot (target/console-screenshots), and any error in the browser's console fails.
 */
@ExtendWith(SystemTestServer.class)
class ConsoleIT {

    private static final Duration PIPELINE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    private static MilkMobsServer server;
    private static String seededVideo;
    private ConsoleBrowser browser;

    @BeforeAll
    static void seedValidatedVideos(MilkMobsServer running) {
        server = running;
        ApiClient seeder = server.as(server.tokens().consumer("console-seeder"));
        Uploads uploads = new Uploads(seeder);
        List<VideoFamilies.Family> bars = VideoFamilies.FAMILIES.stream().filter(f -> f.name().equals("smptebars")).toList();
        List<VideoFamilies.Member> members = VideoFamilies.generate(dir, bars).subList(0, 2);
        for (VideoFamilies.Member member : members) {
            seededVideo = uploads.submitUploadComplete(member.file(), "Console bars " + member.variation(), List.of("#milkmob", "#bars"));
        }
        uploads.awaitSettled(seededVideo);
    }

    @AfterEach
    void noBrowserErrors() {
        if (browser != null) {
            try {
                assertThat(browser.browserErrors()).as("errors in the browser's console").isEmpty();
            } finally {
                browser.close();
            }
        }
    }

    @Test
    void anAdminWatchesTheOverviewPausesAQueueOpensATimelineEditsACeilingAndReclusters() {
        browser = new ConsoleBrowser(server, 1280, 900);
        browser.signIn(server.tokens().admin("console-admin"), "/admin");
        browser.awaitText(By.cssSelector("section[aria-label='Videos by status']"), "VALIDATED", Duration.ofSeconds(20));
        assertThat(browser.await(By.cssSelector("[data-testid=latency]")).getText()).matches("(?s)p50 \\d+\\.\\d s · p95 \\d+\\.\\d s");
        browser.shot("admin-overview");

        browser.open("/admin/pipeline");
        ApiClient admin = server.as(server.tokens().admin("console-admin"));
        try {
            browser.await(By.cssSelector("button[aria-label='Pause preflight']")).click();
            browser.awaitText(By.cssSelector("tr[data-queue=preflight]"), "paused", Duration.ofSeconds(10));
            assertThat(admin.get("/api/admin/queues").json().getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                    .filter(q -> q.getString("step").equals("preflight")).findFirst().orElseThrow().getBoolean("paused"))
                    .as("the server paused the queue").isTrue();
            browser.shot("admin-pipeline-paused");
            browser.await(By.cssSelector("button[aria-label='Resume preflight']")).click();
            browser.await(By.cssSelector("button[aria-label='Pause preflight']"));
        } finally {
            // the server is shared with the other system tests: never leave a queue paused behind
            admin.post("/api/admin/queues/preflight/resume", "application/json", new byte[0]);
        }

        browser.open("/admin/videos/" + seededVideo);
        browser.awaitText(By.cssSelector("figure.timeline"), "preflight", Duration.ofSeconds(20));
        List<String> lanes = browser.driver().findElements(By.cssSelector(".lane-name")).stream().map(WebElement::getText).toList();
        assertThat(lanes).contains("preflight", "thumbnail", "validate");
        assertThat(browser.driver().findElements(By.cssSelector(".span-succeeded"))).hasSizeGreaterThanOrEqualTo(lanes.size());
        browser.awaitText(By.cssSelector("section[aria-label=Validation]"), "Score", Duration.ofSeconds(10));
        browser.shot("admin-video-timeline");

        browser.open("/admin/costs");
        browser.await(By.name("usd")).sendKeys("12.5");
        browser.await(By.name("reason")).sendKeys("console test ceiling");
        browser.await(By.cssSelector("form button[type=submit]")).click();
        browser.awaitText(By.cssSelector("table.audit"), "console test ceiling", Duration.ofSeconds(10));
        browser.awaitText(By.cssSelector("table.audit"), "console-admin", Duration.ofSeconds(5));
        browser.shot("admin-costs");

        browser.open("/admin/mobs");
        browser.await(By.cssSelector("ul.cards li"));
        browser.awaitText(By.tagName("button"), "Re-cluster", Duration.ofSeconds(5)).click();
        browser.awaitText(By.cssSelector("[data-testid=recluster-progress]"), "100 %", Duration.ofSeconds(60));
        browser.awaitText(By.cssSelector(".recluster"), "SUCCEEDED", Duration.ofSeconds(10));
        browser.shot("admin-mobs");

        String mobId = admin.get("/api/videos/" + seededVideo).json().getString("mobId");
        browser.open("/admin/mobs/" + mobId);
        WebElement name = browser.await(By.name("mob-name"));
        name.clear();
        name.sendKeys("Console bars by hand");
        browser.await(By.cssSelector("form button[type=submit]")).click();
        browser.awaitText(By.tagName("h1"), "Mob: Console bars by hand", Duration.ofSeconds(10));
        assertThat(admin.get("/api/mobs/" + mobId).json().getJsonObject("mob").getString("name")).isEqualTo("Console bars by hand");
        browser.shot("admin-mob-renamed");

        browser.open("/admin/campaign");
        browser.await(By.name("threshold"));
        browser.shot("admin-campaign");
    }

    @Test
    void aConsumerUploadsAVideoThroughThePageWatchesItSettleAndBrowsesFeedMobSimilarAndSearch() {
        Path clip = MediaFixtures.ffmpeg(dir.resolve("console-upload.mp4"), List.of("-f", "lavfi", "-i",
                "smptebars=size=160x120:rate=10", "-f", "lavfi", "-i", "sine=frequency=440", "-t", "4", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"));
        browser = new ConsoleBrowser(server, 1280, 900);
        browser.signIn(server.tokens().consumer("console-fan"), "/upload");
        browser.await(By.name("title")).sendKeys("My console milk mob");
        browser.await(By.name("hashtags")).sendKeys("#milkmob #bars");
        browser.await(By.name("file")).sendKeys(clip.toAbsolutePath().toString());
        browser.await(By.cssSelector("form button[type=submit]")).click();
        WebElement settled = browser.await(By.cssSelector("[data-testid=final]"), PIPELINE);
        browser.shot("consumer-upload-settled");
        String status = browser.await(By.cssSelector("[aria-live=polite] .status")).getText();
        assertThat(status).isIn("VALIDATED", "REJECTED");
        assertThat(browser.script("return document.documentElement.dataset.lastEventId")).as("the page heard the video's events on its stream")
                .isNotNull();
        settled.findElement(By.tagName("a")).click();
        browser.awaitText(By.tagName("h1"), "My console milk mob", Duration.ofSeconds(10));

        browser.open("/feed");
        browser.awaitText(By.cssSelector("ul.cards"), "Console bars", Duration.ofSeconds(20));
        browser.shot("consumer-feed");
        browser.await(By.cssSelector("section[aria-label=Mobs] ul.cards a")).click();
        browser.awaitText(By.tagName("h1"), "Mob:", Duration.ofSeconds(10));
        browser.await(By.cssSelector("ul.cards a"));
        browser.shot("consumer-mob");

        browser.open("/videos/" + seededVideo);
        browser.awaitText(By.cssSelector("section[aria-label='Similar videos'] ul.results"), "Console bars", Duration.ofSeconds(20));
        browser.shot("consumer-video-similar");

        browser.open("/search");
        browser.await(By.name("query")).sendKeys("bars");
        browser.awaitText(By.tagName("button"), "Search", Duration.ofSeconds(5)).click();
        browser.awaitText(By.cssSelector("[data-testid=results]"), "Console bars", Duration.ofSeconds(20));
        browser.shot("consumer-search");

        browser.open("/mine");
        browser.awaitText(By.cssSelector("ul.cards"), "My console milk mob", Duration.ofSeconds(10));
        browser.shot("consumer-my-videos");
    }

    @Test
    void thePagesWorkOnANarrowPhoneScreenAndAReloadKeepsTheRoute() {
        browser = new ConsoleBrowser(server, 390, 844);
        browser.signIn(server.tokens().consumer("console-phone"), "/feed");
        browser.awaitText(By.cssSelector("ul.cards"), "Console bars", Duration.ofSeconds(20));
        browser.driver().navigate().refresh();
        browser.awaitText(By.cssSelector("ul.cards"), "Console bars", Duration.ofSeconds(20));
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/feed");
        Number overflow = (Number) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
        browser.shot("phone-feed");
    }
}
