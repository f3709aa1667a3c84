package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.testing.BedrockDouble;
import org.milkmobs.adapters.aws.testing.BedrockDouble.Operation;
import org.milkmobs.adapters.aws.testing.ContentModel;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * The WAR on the {@code bedrock} analyzer, configured only through the environment, talking through the
 * real AWS SDK to the Bedrock double (and S3Proxy for Marengo's asynchronous output).
 */
class BedrockPipelineIT {

    private static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";
    private static final String PEGASUS = "us.twelvelabs.pegasus-1-2-v1:0";

    @TempDir
    static Path dir;

    private static BedrockStack stack;
    private static BedrockDouble bedrock;
    private static MilkMobsServer server;
    private static Uploads uploads;
    private static ApiClient alice;

    @BeforeAll
    static void start() {
        stack = BedrockStack.start("bedrock", dir, Map.ofEntries(
                // queries through the cross-region inference profile, as a multi-region deployment makes them
                Map.entry("BEDROCK_MARENGO_INVOKE_MODEL", "us." + MARENGO)));
        bedrock = stack.bedrock();
        server = stack.server();
        alice = server.as(server.tokens().consumer("bedrock-alice"));
        uploads = new Uploads(alice);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSubmittedVideoEndsWithMarengoEmbeddingsAPegasusAnalysisAndTwoPaidCalls() throws Exception {
        String id = uploads.submitUploadComplete(MediaFixtures.video(dir, "bedrock-one", 4, 320, 240), "milk pour", List.of("milkmob"));

        JsonObject video = uploads.awaitSettled(id);

        assertThat(video.getString("status")).as(video.toString()).isIn("VALIDATED", "REJECTED");
        assertThat(strings("SELECT DISTINCT modality || '/' || scope FROM embedding WHERE video_id = ? AND model_id = '" + MARENGO
                + "' AND dimension = 512", id)).contains("VISUAL/ASSET", "AUDIO/ASSET", "TRANSCRIPTION/ASSET", "VISUAL/CLIP");
        assertThat(strings("SELECT analyzer FROM analysis WHERE video_id = ?", id)).containsExactly(PEGASUS);
        assertThat(strings("SELECT operation FROM model_usage WHERE video_id = ? AND error_code IS NULL AND cost_usd > 0", id))
                .containsExactlyInAnyOrder("EMBED_VIDEO", "ANALYZE_VIDEO");
    }

    @Test
    void aThrottlingStormSlowsThePipelineDownButEveryVideoCompletesWithExactlyTwoPaidCalls() throws Exception {
        List<String> ids = new ArrayList<>();
        bedrock.throttle(0.5, 42);
        try {
            for (int i = 0; i < 3; i++) {
                // lengths unlike the other test's video: identical content would be deduplicated, with no calls at all
                ids.add(uploads.submitUploadComplete(MediaFixtures.video(dir, "storm-" + i, 5 + i, 320, 240), "storm " + i, List.of()));
            }
            for (String id : ids) {
                assertThat(uploads.awaitSettled(id).getString("status")).isIn("VALIDATED", "REJECTED");
            }
        } finally {
            bedrock.throttle(0, 1);
        }
        for (String id : ids) {
            assertThat(strings("SELECT operation FROM model_usage WHERE video_id = ? AND error_code IS NULL", id))
                    .as("paid calls of " + id).containsExactlyInAnyOrder("EMBED_VIDEO", "ANALYZE_VIDEO");
        }
        List<String> throttled = new ArrayList<>();
        for (String id : ids) {
            throttled.addAll(strings("SELECT error_code FROM model_usage WHERE video_id = ? AND error_code IS NOT NULL", id));
        }
        assertThat(throttled).as("the storm was felt, and every refused call was recorded").isNotEmpty()
                .allSatisfy(code -> assertThat(code).isEqualTo("ThrottlingException"));
    }

    @Test
    void aTextSearchIsEmbeddedByMarengoAndMetered() throws Exception {
        ApiResponse response = alice.postJson("/api/search/videos", "{\"query\":\"milk pouring in slow motion\",\"threshold\":0}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().getString("model")).isEqualTo(MARENGO);
        assertThat(bedrock.requests()).anySatisfy(r -> {
            assertThat(r.operation()).isEqualTo(Operation.INVOKE_MODEL);
            assertThat(r.body()).contains("milk pouring in slow motion");
        });
        assertThat(strings("SELECT operation FROM model_usage WHERE query_ref IS NOT NULL", null))
                .contains("EMBED_TEXT");
        assertThat(response.json().getString("mode")).isEqualTo("HYBRID");
        List<JsonObject> items = response.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.getJsonObject("legs").keySet()).isNotEmpty()
                .isSubsetOf("vector", "fullText"));

        ApiResponse relative = alice.postJson("/api/search/videos", "{\"query\":\"milk pouring in slow motion\",\"threshold\":0,"
                + "\"fusion\":\"relative\",\"alpha\":0.7}");
        assertThat(relative.status()).as(relative.toString()).isEqualTo(200);
        assertThat(relative.json().getJsonArray("items").getValuesAs(JsonObject.class)).isNotEmpty().allSatisfy(item -> {
            assertThat(item.getJsonNumber("score").doubleValue()).isBetween(0.0, 1.0);
            assertThat(item.getJsonObject("legs").keySet()).isNotEmpty();
        });
        ApiResponse rrfWithAlpha = alice.postJson("/api/search/videos", "{\"query\":\"milk\",\"alpha\":0.7}");
        assertThat(rrfWithAlpha.status()).as(rrfWithAlpha.toString()).isEqualTo(400);
        assertThat(rrfWithAlpha.json().getString("detail")).contains("RELATIVE");
    }

    /**
     * Issue 21 #5 on Bedrock: a text with an image is one Marengo {@code text_image} invocation, metered and cached. The
     * double embeds it as the normalised sum of its text and image vectors, so each clip's score must be its likeness to
     * that sum: neither the text's nor the image's alone.
     */
    @Test
    void aTextWithAnImageIsOneMeteredTextImageEmbeddingAndItsRankingWeighsBothParts() throws Exception {
        // a length no other test uses: identical bytes would be deduplicated, and the storm test counts its videos' paid calls
        String id = uploads.submitUploadComplete(MediaFixtures.video(dir, "composed", 12, 320, 240), "composed", List.of("milkmob"));
        uploads.awaitSettled(id);
        byte[] png = Uploads.read(MediaFixtures.ffmpeg(dir.resolve("composed.png"), List.of("-f", "lavfi", "-i",
                "testsrc2=size=160x120:rate=25", "-frames:v", "1")));
        String text = "children pouring milk at dusk";
        String body = jakarta.json.Json.createObjectBuilder().add("query", text).add("image", java.util.Base64.getEncoder().encodeToString(png))
                .add("threshold", 0).add("groupBy", "clip").add("limit", 100)
                .add("filters", jakarta.json.Json.createObjectBuilder().add("owner", "bedrock-alice")).build().toString();

        ApiResponse response = alice.postJson("/api/search/videos/by-text-and-image", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject results = response.json();
        assertThat(results.getString("mode")).isEqualTo("VECTOR");
        assertThat(results.getString("model")).isEqualTo(MARENGO);
        assertThat(results.getJsonArray("legs").getValuesAs(JsonObject.class)).extracting(l -> l.getString("leg") + ":" + l.getString("input"))
                .containsExactly("vector:textImage");
        assertThat(composedRequests(text)).as("one text_image invocation for the text and the image").hasSize(1);
        assertThat(strings("SELECT operation FROM model_usage WHERE query_ref IS NOT NULL AND error_code IS NULL", null))
                .contains("EMBED_TEXT_IMAGE");

        float[] textVector = ContentModel.HASHING.text(text, 512);
        float[] imageVector = ContentModel.HASHING.image(png, 512);
        float[] both = ContentModel.normalised(sum(textVector, imageVector), 0, 512);
        Map<String, float[]> clips = visualClips("bedrock-alice");
        List<JsonObject> items = results.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).as("alice's visual clips").hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(clips.size());
        double apartFromText = 0;
        double apartFromImage = 0;
        for (JsonObject item : items) {
            JsonObject moment = item.getJsonArray("moments").getJsonObject(0);
            float[] clip = clips.get(item.getJsonObject("video").getString("videoId") + "@" + moment.getJsonNumber("startSeconds").doubleValue());
            double score = item.getJsonNumber("score").doubleValue();
            assertThat(score).as("the clip's likeness to text and image together").isCloseTo((1 + cosine(clip, both)) / 2,
                    org.assertj.core.api.Assertions.within(2e-3));
            assertThat(item.getJsonObject("legs").getJsonNumber("vector").doubleValue()).isEqualTo(score);
            apartFromText = Math.max(apartFromText, Math.abs(score - (1 + cosine(clip, textVector)) / 2));
            apartFromImage = Math.max(apartFromImage, Math.abs(score - (1 + cosine(clip, imageVector)) / 2));
        }
        assertThat(apartFromText).as("the ranking is not the text's alone").isGreaterThan(0.01);
        assertThat(apartFromImage).as("the ranking is not the image's alone").isGreaterThan(0.01);

        ApiResponse again = alice.postJson("/api/search/videos/by-text-and-image", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(composedRequests(text)).as("the same query again is read from the cache, not paid again").hasSize(1);
    }

    private static List<BedrockDouble.Request> composedRequests(String text) {
        return bedrock.requests().stream().filter(r -> r.operation() == Operation.INVOKE_MODEL && r.body().contains("\"text_image\"")
                && r.body().contains(text)).toList();
    }

    /** The visual clip vectors of the user's videos, by "videoId@startSeconds". */
    private static Map<String, float[]> visualClips(String owner) throws Exception {
        Map<String, float[]> clips = new java.util.HashMap<>();
        try (Connection c = server.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT e.video_id, e.start_seconds, e.vector::text FROM embedding e JOIN video v ON v.id = e.video_id"
                        + " WHERE v.owner_id = ? AND e.model_id = ? AND e.scope = 'CLIP' AND e.modality = 'VISUAL'")) {
            s.setString(1, owner);
            s.setString(2, MARENGO);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String[] parts = r.getString(3).replaceAll("[\\[\\]]", "").split(",");
                    float[] vector = new float[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        vector[i] = Float.parseFloat(parts[i]);
                    }
                    clips.put(r.getString(1) + "@" + r.getDouble(2), vector);
                }
            }
        }
        return clips;
    }

    private static float[] sum(float[] a, float[] b) {
        float[] sum = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void anAudioSearchIsChargedForTheSecondsTheClipLasts() throws Exception {
        Path tone = MediaFixtures.ffmpeg(dir.resolve("query-tone.wav"), List.of("-f", "lavfi", "-i", "sine=frequency=550:duration=3"));
        SearchIT.Multipart form = new SearchIT.Multipart().file("audio", "query-tone.wav", "audio/wav", Uploads.read(tone));

        ApiResponse response = alice.post("/api/search/videos/by-audio", form.contentType(), form.bytes());

        assertThat(response.status()).as(response.toString()).isIn(200, 202);
        assertThat(strings("SELECT media_seconds || ' s, $' || trim_scale(cost_usd) FROM model_usage"
                + " WHERE operation = 'EMBED_AUDIO' AND error_code IS NULL", null))
                .as("Marengo's $0.0007 a second, for the 3 seconds ffprobe measured").containsExactly("3 s, $0.0021");
    }

    @Test
    void theAdminNumbersMatchTheUsageRecords() throws Exception {
        ApiClient admin = server.as(server.tokens().admin("bedrock-admin"));
        assertThat(alice.postJson("/api/search/videos", "{\"query\":\"a fresh query for the ledger\"}").status()).isEqualTo(200);
        java.time.Instant dayStart = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);

        ApiResponse stats = admin.get("/api/admin/usage-stats?groupBy=model&from=" + dayStart + "&to=" + dayStart.plus(java.time.Duration.ofDays(1)));
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        List<String> fromApi = stats.json().getJsonArray("series").getValuesAs(JsonObject.class).stream()
                .map(b -> b.getString("key") + " " + b.getJsonNumber("invocations").longValue() + " "
                        + b.getJsonNumber("costUsd").bigDecimalValue().stripTrailingZeros().toPlainString()).toList();
        List<String> fromRows = strings("SELECT model_id || ' ' || count(*) || ' ' || trim_scale(sum(cost_usd)) FROM model_usage"
                + " WHERE at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' GROUP BY model_id ORDER BY model_id", null);
        assertThat(fromApi).isNotEmpty().containsExactlyElementsOf(fromRows);

        ApiResponse budget = admin.get("/api/admin/budget");
        JsonObject day = budget.json().getJsonArray("windows").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("scope").equals("global") && w.getString("period").equals("day")).findFirst().orElseThrow();
        assertThat(day.getJsonNumber("spentUsd").bigDecimalValue()).isEqualByComparingTo(stats.json().getJsonObject("total")
                .getJsonNumber("costUsd").bigDecimalValue());
        assertThat(day.getJsonNumber("reservedUsd").bigDecimalValue()).isEqualByComparingTo("0");

        // Marengo's text query went through the 'us.' inference profile, its video embeddings did not: one model, one scope
        List<JsonObject> modelDays = budget.json().getJsonArray("windows").getValuesAs(JsonObject.class).stream()
                .filter(w -> !w.getString("scope").equals("global") && w.getString("period").equals("day")).toList();
        assertThat(strings("SELECT DISTINCT model_id FROM model_usage WHERE operation = 'EMBED_TEXT'", null)).containsExactly("us." + MARENGO);
        assertThat(modelDays).extracting(w -> w.getString("scope")).contains(MARENGO).noneMatch(scope -> scope.startsWith("us."));
        JsonObject marengoDay = modelDays.stream().filter(w -> w.getString("scope").equals(MARENGO)).findFirst().orElseThrow();
        assertThat(marengoDay.getJsonNumber("spentUsd").bigDecimalValue()).isEqualByComparingTo(strings("SELECT sum(cost_usd)"
                + " FROM model_usage WHERE model_id IN ('" + MARENGO + "', 'us." + MARENGO + "')"
                + " AND at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", null).get(0));
    }

    @Test
    void withoutBudgetAVideoIsDeferredUnpaidAndATextSearchFallsBackToFullText() throws Exception {
        ApiClient admin = server.as(server.tokens().admin("bedrock-admin"));
        assertThat(admin.putJson("/api/admin/budget", "{\"limits\":[{\"scope\":\"global\",\"period\":\"hour\",\"usd\":0}],"
                + "\"reason\":\"spent out\"}").status()).isEqualTo(200);
        try {
            ApiResponse search = alice.postJson("/api/search/videos", "{\"query\":\"nobody searched this before\"}");
            assertThat(search.status()).as(search.toString()).isEqualTo(200);
            assertThat(search.json().getString("mode")).isEqualTo("FULL_TEXT");
            assertThat(search.json().getString("note")).contains("budget");
            assertThat(bedrock.requests()).noneSatisfy(r -> assertThat(r.body()).contains("nobody searched this before"));

            String id = uploads.submitUploadComplete(MediaFixtures.video(dir, "unpaid", 9, 320, 240), "unpaid", List.of());
            JsonObject deferred = uploads.awaitStatus(id, java.util.Set.of("DEFERRED"), java.time.Duration.ofSeconds(60));
            assertThat(deferred.getString("status")).isEqualTo("DEFERRED");
            assertThat(strings("SELECT operation FROM model_usage WHERE video_id = ?", id)).as("nothing was paid, nothing was tried").isEmpty();
        } finally {
            assertThat(admin.putJson("/api/admin/budget", "{\"limits\":[{\"scope\":\"global\",\"period\":\"hour\",\"lift\":true}],"
                    + "\"reason\":\"refilled\"}").status()).isEqualTo(200);
        }
    }

    /** The first column of {@code sql}'s rows; its one parameter, if any, is a video id. */
    private static List<String> strings(String sql, String parameter) throws Exception {
        try (Connection c = server.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, UUID.fromString(parameter));
            }
            List<String> values = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getString(1));
                }
            }
            return values;
        }
    }
}
