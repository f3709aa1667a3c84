package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** What a client does to get a video in: submit, upload to the returned URL, complete; then poll. */
public final class Uploads {

    private final ApiClient api;

    public Uploads(ApiClient api) {
        this.api = api;
    }

    JsonObject submit(String title, List<String> hashtags) {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        hashtags.forEach(tags::add);
        ApiResponse response = api.postJson("/api/videos/submit",
                Json.createObjectBuilder().add("title", title).add("hashtags", tags).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    ApiResponse upload(JsonObject submitted, byte[] bytes) {
        JsonObject upload = submitted.getJsonObject("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.getString("url")))
                .method(upload.getString("method"), HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.getJsonObject("headers").forEach((name, value) -> put.header(name, ((jakarta.json.JsonString) value).getString()));
        return api.send(put);
    }

    ApiResponse complete(String videoId) {
        return api.post("/api/videos/" + videoId + "/complete", "application/json", new byte[0]);
    }

    /** Submits, uploads and completes a file; returns the video id. */
    public String submitUploadComplete(Path file, String title, List<String> hashtags) {
        JsonObject submitted = submit(title, hashtags);
        ApiResponse uploaded = upload(submitted, read(file));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(204);
        ApiResponse completed = complete(submitted.getString("videoId"));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(202);
        return submitted.getString("videoId");
    }

    /** Polls the video until its status is one of {@code statuses}; fails with the last state otherwise. */
    JsonObject awaitStatus(String videoId, Set<String> statuses, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject video = null;
        while (System.nanoTime() < deadline) {
            ApiResponse response = api.get("/api/videos/" + videoId);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            video = response.json();
            if (statuses.contains(video.getString("status"))) {
                return video;
            }
            sleep(250);
        }
        throw new AssertionError("video " + videoId + " did not reach " + statuses + " within " + timeout + "; last: " + video);
    }

    /** Polls until the video's status is settled and its workflow has finished (mobs and events come after validation). */
    public JsonObject awaitSettled(String videoId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonObject video = null;
        while (System.nanoTime() < deadline) {
            video = awaitStatus(videoId, Set.of("VALIDATED", "REJECTED", "IN_REVIEW", "FAILED"), Duration.ofSeconds(90));
            boolean workflowDone = !video.containsKey("progress") || video.isNull("progress")
                    || !"RUNNING".equals(video.getJsonObject("progress").getString("status"));
            if (workflowDone) {
                return video;
            }
            sleep(250);
        }
        throw new AssertionError("the workflow of " + videoId + " did not finish; last: " + video);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
