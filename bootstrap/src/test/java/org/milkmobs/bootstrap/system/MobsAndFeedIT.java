package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * Generated families of look-alike videos, uploaded through the API and analysed by the local analyzer,
 * end up as mobs; the feed spreads them; validation decisions can be read and overridden.
 */
@ExtendWith(SystemTestServer.class)
class MobsAndFeedIT {

    @TempDir
    static Path dir;

    private static MilkMobsServer server;
    private static ApiClient admin;
    private static ApiClient fan;
    private static final Map<String, List<String>> VIDEOS_BY_FAMILY = new HashMap<>();
    private static final Map<String, String> TAG = Map.of("smptebars", "bars", "mandelbrot", "fractal", "cellauto", "automaton");

    @BeforeAll
    static void uploadFamilies(MilkMobsServer running) {
        server = running;
        admin = server.as(server.tokens().admin("mobs-admin"));
        fan = server.as(server.tokens().consumer("mobs-fan"));
        List<VideoFamilies.Family> families = VideoFamilies.FAMILIES.stream().filter(f -> TAG.containsKey(f.name())).toList();
        Uploads uploads = new Uploads(fan);
        for (VideoFamilies.Member member : VideoFamilies.generate(dir, families)) {
            String id = uploads.submitUploadComplete(member.file(), member.family().name() + " " + member.variation(),
                    List.of("#milkmob", "#" + TAG.get(member.family().name())));
            VIDEOS_BY_FAMILY.computeIfAbsent(member.family().name(), k -> new ArrayList<>()).add(id);
        }
        VIDEOS_BY_FAMILY.values().forEach(ids -> ids.forEach(uploads::awaitSettled));
    }

    @Test
    void eachFamilyBecomesOneMobLabelledByItsDistinctiveHashtagAndAReclusteringKeepsTheIds() {
        Map<String, String> mobOfFamily = assertFamiliesAreMobs();

        ApiResponse mobs = fan.get("/api/mobs");
        assertThat(mobs.status()).isEqualTo(200);
        for (Map.Entry<String, String> family : mobOfFamily.entrySet()) {
            JsonObject mob = mobs.json().getJsonArray("mobs").getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("mobId").equals(family.getValue())).findFirst().orElseThrow();
            assertThat(mob.getInt("size")).isEqualTo(VideoFamilies.membersPerFamily());
            assertThat(mob.getString("label")).startsWith(TAG.get(family.getKey()));
            assertThat(mob.getJsonArray("sampleThumbnails")).isNotEmpty();
        }

        recluster();
        assertThat(assertFamiliesAreMobs()).as("mob ids survive the re-clustering").isEqualTo(mobOfFamily);
        assertThat(fan.post("/api/admin/mobs/recluster", "application/json", new byte[0]).status()).isEqualTo(403);
    }

    /**
     * A family tagged with nothing but the campaign's hashtag, and with no text on screen, is still named (by its
     * look); an admin's name replaces that label, consumers may not rename, and the name survives a re-clustering.
     */
    @Test
    void aMobOfCampaignHashtagsOnlyIsNamedByItsLookAndAnAdminsNameSurvivesReclustering() {
        ApiClient plain = server.as(server.tokens().consumer("plain-fan"));
        Uploads uploads = new Uploads(plain);
        VideoFamilies.Family blueBox = VideoFamilies.FAMILIES.stream().filter(f -> f.name().equals("bluebox")).findFirst().orElseThrow();
        List<String> ids = new ArrayList<>();
        for (VideoFamilies.Member member : VideoFamilies.generate(dir, List.of(blueBox))) {
            ids.add(uploads.submitUploadComplete(member.file(), "plain " + member.variation(), List.of("#milkmob")));
        }
        ids.forEach(uploads::awaitSettled);
        String mobId = mobOf(ids.get(0));

        JsonObject labelled = awaitLabel(mobId);
        assertThat(labelled.getString("label")).as("a label though the members share only the campaign hashtag")
                .isNotBlank().doesNotContain("milkmob");
        assertThat(labelled.containsKey("name")).isFalse();

        ApiResponse renamed = admin.putJson("/api/admin/mobs/" + mobId + "/name", "{\"name\":\"  Blue box pours \"}");
        ApiResponse byConsumer = plain.putJson("/api/admin/mobs/" + mobId + "/name", "{\"name\":\"mine\"}");
        ApiResponse blank = admin.putJson("/api/admin/mobs/" + mobId + "/name", "{\"name\":\" \"}");
        ApiResponse tooLong = admin.putJson("/api/admin/mobs/" + mobId + "/name", "{\"name\":\"" + "x".repeat(81) + "\"}");
        ApiResponse unknown = admin.putJson("/api/admin/mobs/01a207e3-dd7e-73b0-9260-bcf4cd908245/name", "{\"name\":\"ghosts\"}");

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().getString("label")).isEqualTo("Blue box pours");
        assertThat(renamed.json().getString("name")).isEqualTo("Blue box pours");
        assertThat(byConsumer.status()).isEqualTo(403);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
        assertThat(blank.json().getString("detail")).contains("name").contains("blank");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().getString("detail")).contains("at most 80");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(plain.get("/api/mobs/" + mobId).json().getJsonObject("mob").getString("label")).isEqualTo("Blue box pours");

        recluster();

        assertThat(mobOf(ids.get(0))).as("the mob keeps its id").isEqualTo(mobId);
        JsonObject afterwards = plain.get("/api/mobs/" + mobId).json().getJsonObject("mob");
        assertThat(afterwards.getString("label")).as("and its name").isEqualTo("Blue box pours");
        assertThat(afterwards.getString("name")).isEqualTo("Blue box pours");
    }

    /** The mob once the housekeeper has labelled it (labels follow membership changes within seconds). */
    private static JsonObject awaitLabel(String mobId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject mob;
        do {
            mob = fan.get("/api/mobs/" + mobId).json().getJsonObject("mob");
            if (!mob.getString("label").isBlank()) {
                return mob;
            }
            Uploads.sleep(300);
        } while (System.nanoTime() < deadline);
        return mob;
    }

    /** Starts a re-clustering (or joins the one running) and waits for it to succeed. */
    private static void recluster() {
        ApiResponse started = admin.post("/api/admin/mobs/recluster", "application/json", new byte[0]);
        assertThat(started.status()).isEqualTo(202);
        String runId = started.json().getString("runId");
        JsonObject run = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            run = admin.get("/api/admin/mobs/recluster/" + runId).json();
            if (!run.getString("status").equals("RUNNING")) {
                break;
            }
            Uploads.sleep(300);
        }
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.getJsonNumber("progress").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void aMobsMembersPageNewestFirst() {
        String mobId = mobOf(VIDEOS_BY_FAMILY.get("mandelbrot").get(0));
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            JsonObject page = fan.get("/api/mobs/" + mobId + "?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.getJsonObject("mob").getString("mobId")).isEqualTo(mobId);
            JsonObject members = page.getJsonObject("members");
            members.getJsonArray("items").getValuesAs(JsonObject.class).forEach(v -> assertThat(seen.add(v.getString("videoId"))).isTrue());
            cursor = members.containsKey("nextCursor") && !members.isNull("nextCursor") ? members.getString("nextCursor") : null;
        } while (cursor != null);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(VIDEOS_BY_FAMILY.get("mandelbrot"));
        assertThat(fan.get("/api/mobs/01a207e3-dd7e-73b0-9260-bcf4cd908245").status()).isEqualTo(404);
        assertThat(fan.get("/api/mobs/not-a-mob").status()).isEqualTo(400);
    }

    @Test
    void theFeedPagesWithoutDuplicatesAndNoMobFillsAPage() {
        List<JsonObject> feed = new ArrayList<>();
        String cursor = null;
        do {
            ApiResponse page = fan.get("/api/videos/feed?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            feed.addAll(page.json().getJsonArray("items").getValuesAs(JsonObject.class));
            cursor = page.json().containsKey("nextCursor") && !page.json().isNull("nextCursor") ? page.json().getString("nextCursor") : null;
        } while (cursor != null);

        Set<String> ids = new HashSet<>();
        feed.forEach(v -> assertThat(ids.add(v.getString("videoId"))).as("no duplicates").isTrue());
        assertThat(feed).allSatisfy(v -> assertThat(v.getString("status")).isEqualTo("VALIDATED"));
        VIDEOS_BY_FAMILY.values().forEach(family -> assertThat(ids).containsAll(family));
        Map<String, Integer> perMobInFirstNine = new HashMap<>();
        feed.subList(0, 9).forEach(v -> perMobInFirstNine.merge(v.getString("mobId"), 1, Integer::sum));
        assertThat(perMobInFirstNine.values()).as("at most 3 of one mob per round").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        assertThat(ids(fan.get("/api/feed?limit=5"))).as("the alias serves the same feed")
                .isEqualTo(ids(fan.get("/api/videos/feed?limit=5")));
        assertThat(fan.get("/api/videos/feed?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void aDecisionShowsItsBreakdownAndAnAdminOverrideMovesTheVideoOutOfItsMob() {
        String id = VIDEOS_BY_FAMILY.get("cellauto").get(1);
        JsonObject validation = fan.get("/api/validate/" + id).json();
        assertThat(validation.getJsonObject("decision").getBoolean("accepted")).isTrue();
        List<JsonObject> breakdown = validation.getJsonObject("decision").getJsonArray("breakdown").getValuesAs(JsonObject.class);
        JsonObject participation = breakdown.stream().filter(r -> r.getString("signal").equals("PARTICIPATION")).findFirst().orElseThrow();
        assertThat(participation.containsKey("score")).as("the local analyzer has no participation score").isFalse();
        assertThat(participation.getJsonNumber("effectiveWeight").doubleValue()).isZero();

        ApiResponse consumerOverride = fan.postJson("/api/validate", "{\"videoId\":\"" + id + "\",\"decision\":\"REJECTED\",\"reason\":\"no\"}");
        ApiResponse noReason = admin.postJson("/api/validate", "{\"videoId\":\"" + id + "\",\"decision\":\"REJECTED\"}");
        ApiResponse override = admin.postJson("/api/validate",
                "{\"videoId\":\"" + id + "\",\"decision\":\"REJECTED\",\"reason\":\"not a milk mob, just an automaton\"}");

        assertThat(consumerOverride.status()).isEqualTo(403);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        assertThat(override.json().getString("status")).isEqualTo("REJECTED");
        assertThat(override.json().getJsonObject("decision").getString("kind")).isEqualTo("OVERRIDE");
        assertThat(override.json().getJsonObject("decision").getString("reason")).isEqualTo("not a milk mob, just an automaton");
        assertThat(override.json().getJsonArray("history")).hasSize(2);
        JsonObject video = fan.get("/api/videos/" + id).json();
        assertThat(video.getString("status")).isEqualTo("REJECTED");
        assertThat(video.containsKey("mobId")).as("left its mob").isFalse();
        assertThat(server.as(server.tokens().consumer("someone-else")).get("/api/videos/" + id).status())
                .as("a rejected video is no longer public").isEqualTo(404);

        ApiResponse revalidated = fan.postJson("/api/validate", "{\"videoId\":\"" + id + "\"}");
        assertThat(revalidated.status()).isEqualTo(200);
        assertThat(revalidated.json().getString("status")).as("the owner re-runs the automatic validation").isEqualTo("VALIDATED");
        assertThat(fan.get("/api/videos/" + id).json().getString("mobId")).isNotBlank();
        VIDEOS_BY_FAMILY.get("cellauto").set(1, id);
    }

    @Test
    void usersListTheirOwnVideosOnly() {
        ApiResponse own = fan.get("/api/videos/user?limit=100");
        ApiResponse explicit = fan.get("/api/videos/user?userId=mobs-fan&limit=100");
        ApiResponse someoneElse = fan.get("/api/videos/user?userId=someone-else");
        ApiResponse asAdmin = admin.get("/api/videos/user?userId=mobs-fan&limit=5");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().getJsonArray("items")).hasSize(VIDEOS_BY_FAMILY.values().stream().mapToInt(List::size).sum());
        // the same videos in the same order (not the same JSON: signed URLs carry an expiry to the second)
        assertThat(ids(explicit)).isEqualTo(ids(own));
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.contentType()).startsWith("application/problem+json");
        assertThat(asAdmin.status()).isEqualTo(200);
    }

    private static List<String> ids(ApiResponse page) {
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(v -> v.getString("videoId")).toList();
    }

    /** Every family sits in exactly one mob, and different families in different mobs. */
    private static Map<String, String> assertFamiliesAreMobs() {
        Map<String, String> mobOfFamily = new HashMap<>();
        VIDEOS_BY_FAMILY.forEach((family, ids) -> {
            Set<String> mobs = new HashSet<>();
            ids.forEach(id -> mobs.add(mobOf(id)));
            assertThat(mobs).as("mobs of family %s", family).hasSize(1);
            mobOfFamily.put(family, mobs.iterator().next());
        });
        assertThat(new HashSet<>(mobOfFamily.values())).as("one mob per family").hasSize(VIDEOS_BY_FAMILY.size());
        return mobOfFamily;
    }

    private static String mobOf(String videoId) {
        JsonObject video = fan.get("/api/videos/" + videoId).json();
        assertThat(video.containsKey("mobId")).as("video %s (%s) has a mob", videoId, video.getString("status")).isTrue();
        return video.getString("mobId");
    }
}
