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
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * Near-duplicates on the Bedrock analyzer are decided by the picture's frames (ADR 0030), as on the local one: Marengo
 * makes no fingerprint, the server makes one with ffmpeg after Marengo's embedding, with no model call. The Bedrock
 * double's default content model hashes a file's bytes, so a re-encode's clip vectors are unrelated to its original's:
 * the clip rule alone could never pair them, and a pair found here was found by the frames. Every video is a candidate
 * ({@code duplicates.near.candidates} above the videos stored), so the rule is tested, not the candidate search.
 */
class BedrockNearDuplicatesIT {

    private static final String OWNER = "bedrock-near-dup-fan";

    @TempDir
    static Path dir;

    private static NearDuplicateSet videos;

    private static BedrockStack stack;
    private static MilkMobsServer server;
    private static ApiClient fan;

    @BeforeAll
    static void uploadVideos() {
        stack = BedrockStack.start("bedrock-near-dup", dir, Map.of("DUPLICATES_NEAR_CANDIDATES", "50"));
        server = stack.server();
        fan = server.as(server.tokens().consumer(OWNER));
        Uploads uploads = new Uploads(fan);
        videos = NearDuplicateSet.upload(dir, uploads, "bnd");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aReEncodeAndATrimAreNearDuplicatesByTheirFrames() throws Exception {
        assertThat(video(videos.reEncoded()).getString("nearDuplicateOf")).isEqualTo(videos.original());
        assertThat(video(videos.trimmed()).getString("nearDuplicateOf")).isEqualTo(videos.original());
        assertThat(absent(video(videos.original()), "nearDuplicateOf")).as("the original is the earlier video").isTrue();

        ApiResponse page = server.as(server.tokens().admin("bedrock-near-dup-admin")).get("/api/admin/near-duplicates?limit=100");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonObject pair = page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getJsonObject("video").getString("videoId").equals(videos.reEncoded())
                        && p.getJsonObject("original").getString("videoId").equals(videos.original())).findFirst().orElseThrow();
        assertThat(pair.getJsonNumber("share").doubleValue()).as("the frames' share decided").isBetween(0.8, 1.0);
    }

    @Test
    void videosSharingOnlyAnIntroAreNot() {
        assertThat(absent(video(videos.introOne()), "nearDuplicateOf")).isTrue();
        assertThat(absent(video(videos.introTwo()), "nearDuplicateOf")).isTrue();
    }

    @Test
    void everyMarengoVideoHasAFingerprintOnTheLocalAnalyzersGridAndTwoPaidCallsOnly() throws Exception {
        for (String id : List.of(videos.original(), videos.reEncoded(), videos.trimmed(), videos.introOne(), videos.introTwo())) {
            assertThat(strings("SELECT width || 'x' || height || ' ' || (length(cells) / (width * height)) FROM video_fingerprint"
                    + " WHERE video_id = ?", id)).as("the fingerprint of " + id).singleElement().asString().startsWith("32x18 ");
            assertThat(strings("SELECT operation FROM model_usage WHERE video_id = ? AND error_code IS NULL", id))
                    .as("paid calls of " + id).containsExactlyInAnyOrder("EMBED_VIDEO", "ANALYZE_VIDEO");
        }
        assertThat(strings("SELECT width || 'x' || height || ' ' || (length(cells) / (width * height)) FROM video_fingerprint"
                + " WHERE video_id = ?", videos.original())).as("one frame a second of 16 s").containsExactly("32x18 16");
    }

    @Test
    void theSameBytesAreAnIdenticalDuplicateThatCopiesItsOriginalsFingerprintUnpaid() throws Exception {
        JsonObject video = video(videos.identical());
        assertThat(video.getString("duplicateOf")).isEqualTo(videos.original());
        assertThat(absent(video, "nearDuplicateOf")).isTrue();
        assertThat(strings("SELECT encode(sha256(cells), 'hex') FROM video_fingerprint WHERE video_id = ?", videos.identical()))
                .isNotEmpty().isEqualTo(strings("SELECT encode(sha256(cells), 'hex') FROM video_fingerprint WHERE video_id = ?", videos.original()));
        assertThat(strings("SELECT operation FROM model_usage WHERE video_id = ?", videos.identical())).as("nothing paid twice").isEmpty();
    }

    private static JsonObject video(String id) {
        ApiResponse response = fan.get("/api/videos/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    /** The first column of {@code sql}'s rows; its one parameter is a video id. */
    private static List<String> strings(String sql, String videoId) throws Exception {
        try (Connection c = server.database().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(videoId));
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
