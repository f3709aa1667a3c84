package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** Submit → upload → complete → analysis, as a browser (or curl) does it, against the real WAR on local disk storage. */
@ExtendWith(SystemTestServer.class)
class UploadFlowIT {

    @TempDir
    static Path dir;

    private static MilkMobsServer server;
    private static ApiClient alice;
    private static Uploads uploads;
    private static Path video;

    @BeforeAll
    static void start(MilkMobsServer running) {
        server = running;
        alice = server.as(server.tokens().consumer("uploader-alice"));
        uploads = new Uploads(alice);
        video = MediaFixtures.video(dir, "clip", 4, 640, 360);
    }

    @Test
    void anUploadedVideoIsAnalysedAndShowsItsMediaFactsThumbnailAndPlayback() throws Exception {
        String id = uploads.submitUploadComplete(video, "Milk mob in the park", List.of("#milkmob"));

        JsonObject done = uploads.awaitSettled(id);

        assertThat(done.getString("status")).isEqualTo("VALIDATED");
        JsonObject media = done.getJsonObject("media");
        assertThat(media.getJsonNumber("durationSeconds").doubleValue()).isBetween(3.9, 4.1);
        assertThat(media.getInt("width")).isEqualTo(640);
        assertThat(media.getString("videoCodec")).isEqualTo("h264");
        assertThat(media.getBoolean("hasAudio")).isTrue();
        assertThat(media.getJsonNumber("sizeBytes").longValue()).isEqualTo(Files.size(video));
        assertThat(done.getJsonObject("progress").getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getJsonObject("progress").getInt("completedSteps")).isEqualTo(8);
        assertThat(done.getJsonObject("analysis").getString("analyzer")).isEqualTo("local-v1");
        assertThat(done.getJsonObject("analysis").containsKey("participationScore")).as("absent, not invented").isFalse();
        assertThat(done.getString("mobId")).isNotBlank();

        ApiResponse thumbnail = server.anonymous().send(HttpRequest.newBuilder(URI.create(done.getString("thumbnailUrl"))));
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");

        URI playback = URI.create(done.getString("playbackUrl"));
        ApiResponse range = server.anonymous().send(HttpRequest.newBuilder(playback).header("Range", "bytes=0-1023"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 0-1023/" + Files.size(video));
        assertThat(range.contentType()).isEqualTo("video/mp4");
        ApiResponse beyond = server.anonymous().send(HttpRequest.newBuilder(playback).header("Range", "bytes=" + Files.size(video) + "-"));
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + Files.size(video));
        ApiResponse whole = server.anonymous().send(HttpRequest.newBuilder(playback));
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.header("Content-Length")).isEqualTo(Long.toString(Files.size(video)));
    }

    @Test
    void theSubmitResponseSaysHowToUpload() {
        JsonObject submitted = uploads.submit("instructions", List.of());

        JsonObject upload = submitted.getJsonObject("upload");
        assertThat(upload.getString("method")).isEqualTo("PUT");
        assertThat(upload.getString("url")).startsWith("http://127.0.0.1:").contains("/api/blobs/");
        assertThat(upload.getJsonNumber("maxBytes").longValue()).isEqualTo(SystemTestServer.MAX_BYTES);
        assertThat(upload.getString("expiresAt")).isNotBlank();
        assertThat(submitted.getString("status")).isEqualTo("SUBMITTED");
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheSameVideo() {
        String body = "{\"title\":\"retry me\",\"hashtags\":[\"milkmob\"]}";
        HttpRequest.Builder first = alice.request("/api/videos/submit").header("Content-Type", "application/json")
                .header("Idempotency-Key", "submit-42").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpRequest.Builder again = alice.request("/api/videos/submit").header("Content-Type", "application/json")
                .header("Idempotency-Key", "submit-42").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpRequest.Builder different = alice.request("/api/videos/submit").header("Content-Type", "application/json")
                .header("Idempotency-Key", "submit-42").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"another video\"}"));

        ApiResponse created = alice.send(first);
        ApiResponse repeated = alice.send(again);
        ApiResponse conflicting = alice.send(different);

        assertThat(created.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().getString("videoId")).isEqualTo(created.json().getString("videoId"));
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.contentType()).startsWith("application/problem+json");
        ApiResponse bob = server.as(server.tokens().consumer("uploader-bob")).send(server.as(server.tokens().consumer("uploader-bob"))
                .request("/api/videos/submit").header("Content-Type", "application/json").header("Idempotency-Key", "submit-42")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(bob.status()).as("keys are per user").isEqualTo(201);
    }

    @Test
    void everyBrokenFileIsRejectedWithItsReasonAndItsFilesAreRemoved() throws Exception {
        Path valid = MediaFixtures.video(dir, "to-truncate", 4, 320, 240);
        Path tooLong = MediaFixtures.ffmpeg(dir.resolve("long.mp4"), List.of("-f", "lavfi", "-t", "40", "-i",
                "testsrc2=size=64x48:rate=5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));
        record Case(Path file, String code, String detail) {
        }
        List<Case> cases = List.of(
                new Case(MediaFixtures.empty(dir, "zero"), "INVALID_MEDIA", "empty"),
                new Case(MediaFixtures.textRenamedMp4(dir, "text"), "INVALID_MEDIA", "not a readable video"),
                new Case(MediaFixtures.truncated(dir, "cut", valid, 0.6), "INVALID_MEDIA", "truncated or corrupt"),
                new Case(MediaFixtures.audioOnly(dir, "sound"), "INVALID_MEDIA", "no video stream"),
                new Case(tooLong, "MEDIA_LIMIT_EXCEEDED", "the limit is 30 s"));
        for (Case c : cases) {
            String id = uploads.submitUploadComplete(c.file(), "broken " + c.file().getFileName(), List.of());
            JsonObject failed = uploads.awaitStatus(id, Set.of("FAILED", "VALIDATED", "REJECTED"), Duration.ofSeconds(60));
            assertThat(failed.getString("status")).as(c.file().toString()).isEqualTo("FAILED");
            assertThat(failed.getJsonObject("failure").getString("code")).as(c.file().toString()).isEqualTo(c.code());
            assertThat(failed.getJsonObject("failure").getString("detail")).as(c.file().toString()).contains(c.detail());
            assertThat(failed.getJsonObject("failure").getString("detail")).doesNotContain(server.workDir().toString());
            awaitNoFiles(id);
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedAtOnceAndNothingIsStored() throws Exception {
        JsonObject submitted = uploads.submit("too big", List.of());
        byte[] big = new byte[(int) SystemTestServer.MAX_BYTES + 1];

        ApiResponse refused = uploads.upload(submitted, big);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(uploads.complete(submitted.getString("videoId")).status()).as("nothing was stored").isEqualTo(409);
        awaitNoFiles(submitted.getString("videoId"));
    }

    @Test
    void signedUrlsRefuseTamperingAndTheWrongMethod() {
        JsonObject submitted = uploads.submit("tamper", List.of());
        String url = submitted.getJsonObject("upload").getString("url");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        // flip a bit the signature's last character carries (its lowest bits may be base64 padding)
        String tampered = url.substring(0, url.length() - 1) + alphabet.charAt(alphabet.indexOf(url.charAt(url.length() - 1)) ^ 0x20);

        ApiResponse forged = server.anonymous().send(HttpRequest.newBuilder(URI.create(tampered))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        ApiResponse wrongMethod = server.anonymous().send(HttpRequest.newBuilder(URI.create(url)));
        ApiResponse garbage = server.anonymous().send(HttpRequest.newBuilder(server.uri("/api/blobs/not-a-grant"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().getString("detail")).contains("signature");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(garbage.status()).isEqualTo(403);
        assertThat(List.of(forged, wrongMethod, garbage)).allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
    }

    @Test
    void completingBeforeUploadingOrSomeoneElsesVideoIsRefused() {
        String id = uploads.submit("not yet", List.of()).getString("videoId");

        ApiResponse early = uploads.complete(id);
        ApiResponse other = server.as(server.tokens().consumer("uploader-mallory"))
                .post("/api/videos/" + id + "/complete", "application/json", new byte[0]);

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().getString("detail")).contains("no file has been uploaded");
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void theSameBytesUploadedTwiceReuseTheFirstAnalysis() {
        Path bytes = MediaFixtures.video(dir, "twice", 3, 320, 240);
        String first = uploads.submitUploadComplete(bytes, "first upload", List.of("milkmob"));
        JsonObject original = uploads.awaitSettled(first);

        String second = uploads.submitUploadComplete(bytes, "second upload", List.of("milkmob"));
        JsonObject copy = uploads.awaitSettled(second);

        assertThat(copy.getString("duplicateOf")).isEqualTo(first);
        assertThat(copy.getJsonObject("analysis").getString("ocrText")).isEqualTo(original.getJsonObject("analysis").getString("ocrText"));
        assertThat(copy.getString("status")).isEqualTo(original.getString("status"));
    }

    @Test
    void anUploadWhoseClientNeverCallsCompleteIsPickedUp() {
        JsonObject submitted = uploads.submit("forgot to complete", List.of("milkmob"));
        assertThat(uploads.upload(submitted, Uploads.read(video)).status()).isEqualTo(204);

        JsonObject done = uploads.awaitSettled(submitted.getString("videoId"));

        assertThat(done.getString("status")).isEqualTo("VALIDATED");
    }

    /** The local store keeps no file of the video (the purge runs every second here). */
    private static void awaitNoFiles(String videoId) throws IOException {
        Path blobs = server.workDir().resolve("data/blobs");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (filesOf(blobs, videoId).isEmpty()) {
                return;
            }
            Uploads.sleep(250);
        }
        assertThat(filesOf(blobs, videoId)).as("files of " + videoId).isEmpty();
    }

    static List<Path> filesOf(Path blobs, String videoId) throws IOException {
        if (!Files.exists(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().contains(videoId)).toList();
        }
    }
}
